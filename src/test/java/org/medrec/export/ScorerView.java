package org.medrec.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bundle read back into the record model the way {@code shared/tools/score} reads it (plain
 * JSON, no HAPI): MR-typed identifiers, {@code name[0]}, the first non-mobile phone, Encounters
 * with their Practitioner, vital-sign Observations by LOINC, {@code dosage[0].text} split around
 * the route, Appointment start in its own offset, ChargeItems with the PaymentReconciliation
 * details that point to them summed as payment, and source files through Provenance.
 */
public final class ScorerView {

    private final List<JsonNode> resources = new ArrayList<>();
    private final Map<String, JsonNode> byUrl = new HashMap<>();

    public ScorerView(String json) {
        JsonNode bundle = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(json);
        if (!"Bundle".equals(bundle.path("resourceType").asString())) {
            throw new IllegalArgumentException("not a Bundle");
        }
        for (JsonNode entry : bundle.path("entry")) {
            resources.add(entry.path("resource"));
            byUrl.put(entry.path("fullUrl").asString(), entry.path("resource"));
        }
    }

    public List<JsonNode> ofType(String type) {
        return resources.stream().filter(r -> type.equals(r.path("resourceType").asString())).toList();
    }

    public JsonNode get(JsonNode reference) {
        return byUrl.get(reference.path("reference").asString());
    }

    public JsonNode patient() {
        List<JsonNode> patients = ofType("Patient");
        if (patients.size() != 1) {
            throw new IllegalStateException(patients.size() + " patients in one Bundle");
        }
        return patients.get(0);
    }

    public List<String> mrns() {
        List<String> mrns = new ArrayList<>();
        for (JsonNode id : patient().path("identifier")) {
            for (JsonNode c : id.path("type").path("coding")) {
                if ("MR".equals(c.path("code").asString())) {
                    mrns.add(id.path("value").asString());
                }
            }
        }
        return mrns;
    }

    public String phone() {
        String any = null;
        for (JsonNode t : patient().path("telecom")) {
            if ("phone".equals(t.path("system").asString())) {
                if (!"mobile".equals(t.path("use").asString())) {
                    return t.path("value").asString();
                }
                any = any == null ? t.path("value").asString() : any;
            }
        }
        return any;
    }

    /** Each encounter: date, provider, npi, reason, and its vitals by record-model name. */
    public List<Map<String, Object>> encounters() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode e : ofType("Encounter")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", text(e.path("period").path("start")));
            JsonNode pr = get(e.path("participant").path(0).path("individual"));
            if (pr != null) {
                m.put("provider", text(pr.path("name").path(0).path("text")));
                for (JsonNode id : pr.path("identifier")) {
                    if (BundleBuilder.NPI.equals(id.path("system").asString())) {
                        m.put("npi", id.path("value").asString());
                    }
                }
            }
            m.put("reason", text(e.path("reasonCode").path(0).path("text")));
            Map<String, BigDecimal> vitals = new LinkedHashMap<>();
            List<String> diagnoses = new ArrayList<>();
            for (JsonNode o : ofType("Observation")) {
                if (get(o.path("encounter")) == e) {
                    readVitals(o, vitals);
                }
            }
            for (JsonNode c : ofType("Condition")) {
                if (get(c.path("encounter")) == e) {
                    diagnoses.add(text(c.path("code").path("coding").path(0).path("code")));
                }
            }
            m.put("vitals", vitals);
            m.put("diagnoses", diagnoses);
            out.add(m);
        }
        return out;
    }

    private static final Map<String, String> LOINC_VITALS = Map.ofEntries(Map.entry("8480-6", "bp_systolic"),
            Map.entry("8462-4", "bp_diastolic"), Map.entry("8867-4", "pulse"), Map.entry("9279-1", "resp_rate"),
            Map.entry("8310-5", "temp_f"), Map.entry("29463-7", "weight_lb"), Map.entry("8302-2", "height_in"),
            Map.entry("59408-5", "spo2"), Map.entry("2708-6", "spo2"));

    private void readVitals(JsonNode o, Map<String, BigDecimal> vitals) {
        for (JsonNode c : o.path("code").path("coding")) {
            String code = c.path("code").asString();
            if (code.equals(Vitals.BP_PANEL)) {
                for (JsonNode comp : o.path("component")) {
                    String name = LOINC_VITALS.get(comp.path("code").path("coding").path(0).path("code").asString());
                    if (name != null && comp.has("valueQuantity")) {
                        vitals.put(name, comp.path("valueQuantity").path("value").decimalValue());
                    }
                }
            } else if (LOINC_VITALS.containsKey(code) && o.has("valueQuantity")) {
                vitals.put(LOINC_VITALS.get(code), o.path("valueQuantity").path("value").decimalValue());
            }
        }
    }

    /** name, dose, route, frequency: {@code dosage[0].text} split around {@code dosage[0].route.text}. */
    public List<Map<String, String>> medications() {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode m : ofType("MedicationStatement")) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("name", text(m.path("medicationCodeableConcept").path("text")));
            String text = text(m.path("dosage").path(0).path("text"));
            String route = text(m.path("dosage").path(0).path("route").path("text"));
            e.put("route", route);
            if (text != null) {
                List<String> toks = List.of(text.split("\\s+"));
                List<String> rt = route == null ? List.of() : List.of(route.toLowerCase().split("\\s+"));
                e.put("dose", text);
                for (int i = 0; route != null && i + rt.size() <= toks.size(); i++) {
                    if (toks.subList(i, i + rt.size()).stream().map(String::toLowerCase).toList().equals(rt)) {
                        e.put("dose", i == 0 ? null : String.join(" ", toks.subList(0, i)));
                        e.put("frequency", i + rt.size() == toks.size() ? null
                                : String.join(" ", toks.subList(i + rt.size(), toks.size())));
                        break;
                    }
                }
            }
            e.values().removeIf(java.util.Objects::isNull);
            out.add(e);
        }
        return out;
    }

    /** date and time of each appointment's start, read in its own offset. */
    public List<String> appointmentStarts() {
        return ofType("Appointment").stream().map(a -> {
            String start = a.path("start").asString("");
            return start.length() >= 16 ? start.substring(0, 10) + " " + start.substring(11, 16) : start;
        }).toList();
    }

    /** Each charge: date, cpt, description, charge and the payments that point to it, summed. */
    public List<Map<String, String>> charges() {
        Map<JsonNode, BigDecimal> paid = new IdentityHashMap<>();
        for (JsonNode p : ofType("PaymentReconciliation")) {
            for (JsonNode d : p.path("detail")) {
                JsonNode charge = get(d.path("request"));
                if (charge != null && d.path("amount").has("value")) {
                    paid.merge(charge, d.path("amount").path("value").decimalValue(), BigDecimal::add);
                }
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode c : ofType("ChargeItem")) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("date", text(c.path("occurrenceDateTime")));
            for (JsonNode coding : c.path("code").path("coding")) {
                if (BundleBuilder.CPT.equals(coding.path("system").asString())) {
                    e.put("cpt", coding.path("code").asString());
                }
            }
            e.put("description", text(c.path("code").path("text")));
            e.put("charge", c.path("priceOverride").has("value")
                    ? c.path("priceOverride").path("value").decimalValue().toPlainString() : null);
            e.put("currency", text(c.path("priceOverride").path("currency")));
            e.put("payment", paid.containsKey(c) ? paid.get(c).toPlainString() : null);
            out.add(e);
        }
        return out;
    }

    /** The source files (DocumentReference titles) that Provenance names for a resource. */
    public Set<String> filesOf(JsonNode resource) {
        Set<String> files = new LinkedHashSet<>();
        for (JsonNode p : ofType("Provenance")) {
            boolean targets = false;
            for (JsonNode t : p.path("target")) {
                targets |= get(t) == resource;
            }
            if (targets) {
                for (JsonNode entity : p.path("entity")) {
                    JsonNode doc = get(entity.path("what"));
                    if (doc != null) {
                        files.add(doc.path("content").path(0).path("attachment").path("title").asString());
                    }
                }
            }
        }
        return files;
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
