package org.medrec.export;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.medrec.export.PatientChart.AllergyRow;
import org.medrec.export.PatientChart.AppointmentRow;
import org.medrec.export.PatientChart.ChargeRow;
import org.medrec.export.PatientChart.CoverageRow;
import org.medrec.export.PatientChart.Demographics;
import org.medrec.export.PatientChart.DiagnosisRow;
import org.medrec.export.PatientChart.EncounterRow;
import org.medrec.export.PatientChart.ImmunizationRow;
import org.medrec.export.PatientChart.MedicationRow;
import org.medrec.export.PatientChart.Mrn;
import org.medrec.export.PatientChart.PaymentRow;
import org.medrec.export.PatientChart.VitalRow;

/**
 * Turns one patient's chart into a FHIR R4 Bundle ({@code collection}) exactly as
 * {@code shared/specs/fhir-export.md} maps the record model: every entry has a {@code urn:uuid}
 * fullUrl and entries refer to each other by those URLs. Where FHIR requires an element the store
 * does not have (an immunization without a date), the element carries the
 * {@code data-absent-reason} extension instead of an invented value. Thread-safe (each
 * {@link #build} works on its own state).
 */
final class BundleBuilder {

    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String CURRENCY = "USD";
    static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    /** The order of resource types in a Bundle: the patient first, the sources last. */
    private static final List<ResourceType> ORDER = List.of(ResourceType.Patient, ResourceType.Practitioner,
            ResourceType.Coverage, ResourceType.Encounter, ResourceType.Condition, ResourceType.Observation,
            ResourceType.MedicationStatement, ResourceType.AllergyIntolerance, ResourceType.Immunization,
            ResourceType.Appointment, ResourceType.ChargeItem, ResourceType.PaymentReconciliation, ResourceType.Device,
            ResourceType.DocumentReference, ResourceType.Provenance);

    private final ZoneId clinicZone;
    private final Clock clock;

    BundleBuilder(ZoneId clinicZone, Clock clock) {
        this.clinicZone = Objects.requireNonNull(clinicZone, "clinicZone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Bundle build(PatientChart chart) {
        return new Build(chart).bundle();
    }

    /** The state of one Bundle being built. Not thread-safe. */
    private final class Build {

        private final PatientChart chart;
        private final Map<ResourceType, List<Bundle.BundleEntryComponent>> entries = new EnumMap<>(ResourceType.class);
        /** What each stored row became: {@code encounter:12} to the fullUrl(s) made from it. */
        private final Map<String, List<String>> made = new HashMap<>();
        private final Map<String, String> practitioners = new LinkedHashMap<>();
        private final Map<Long, String> encounterUrls = new HashMap<>();
        private final Map<Long, EncounterRow> encounterRows = new HashMap<>();
        private final Map<Long, String> chargeUrls = new HashMap<>();
        private String patientUrl;

        Build(PatientChart chart) {
            this.chart = chart;
        }

        Bundle bundle() {
            patient();
            chart.coverages().forEach(this::coverage);
            chart.encounters().forEach(this::encounter);
            chart.diagnoses().forEach(this::condition);
            vitals();
            chart.medications().forEach(this::medication);
            chart.allergies().forEach(this::allergy);
            chart.immunizations().forEach(this::immunization);
            chart.appointments().forEach(this::appointment);
            chart.charges().forEach(this::charge);
            payments();
            new Sources(chart, this::add, made::get, patientUrl).addAll();

            Bundle bundle = new Bundle();
            bundle.setType(Bundle.BundleType.COLLECTION);
            bundle.setTimestamp(Date.from(clock.instant()));
            for (ResourceType type : ORDER) {
                entries.getOrDefault(type, List.of()).forEach(bundle::addEntry);
            }
            return bundle;
        }

        /** Adds a resource under a fresh {@code urn:uuid} and records which stored rows it was made from. */
        String add(Resource resource, String... madeFrom) {
            String url = "urn:uuid:" + UUID.randomUUID();
            Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setFullUrl(url).setResource(resource);
            entries.computeIfAbsent(resource.getResourceType(), t -> new ArrayList<>()).add(entry);
            for (String key : madeFrom) {
                made.computeIfAbsent(key, k -> new ArrayList<>()).add(url);
            }
            return url;
        }

        private void patient() {
            Demographics d = chart.patient();
            Patient p = new Patient();
            for (Mrn mrn : chart.identifiers()) {
                p.addIdentifier().setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, "MR", "Medical record number")))
                        .setSystem(mrn.system()).setValue(mrn.value());
            }
            if (d.family() != null || !d.given().isEmpty() || d.suffix() != null) {
                HumanName name = p.addName().setFamily(d.family());
                d.given().forEach(name::addGiven);
                if (d.suffix() != null) {
                    name.addSuffix(d.suffix());
                }
            }
            if (d.birthDate() != null) {
                p.setBirthDateElement(new DateType(d.birthDate().toString()));
            }
            if (d.sex() != null) {
                p.setGender(AdministrativeGender.fromCode(d.sex()));
            }
            if (!d.addressLines().isEmpty() || d.city() != null || d.state() != null || d.postalCode() != null) {
                var address = p.addAddress().setCity(d.city()).setState(d.state()).setPostalCode(d.postalCode());
                d.addressLines().forEach(address::addLine);
            }
            if (d.phone() != null) {
                p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone());
            }
            String[] from = new String[chart.identifiers().size() + 1];
            from[0] = "patient:" + chart.patientId();
            for (int i = 0; i < chart.identifiers().size(); i++) {
                from[i + 1] = "patient_identifier:" + chart.identifiers().get(i).id();
            }
            patientUrl = add(p, from);
        }

        private Reference patientRef() {
            return new Reference(patientUrl);
        }

        private void coverage(CoverageRow row) {
            Coverage c = new Coverage();
            // a card or a registration on file is taken as the coverage in force when it was recorded
            c.setStatus(Coverage.CoverageStatus.ACTIVE);
            c.setBeneficiary(patientRef());
            c.addPayor(row.payer() != null ? new Reference().setDisplay(row.payer()) : absent(new Reference()));
            c.setSubscriberId(row.memberId());
            if (row.group() != null) {
                c.addClass_().setType(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/coverage-class", "group", "Group"))).setValue(row.group());
            }
            add(c, "coverage:" + row.id());
        }

        private void encounter(EncounterRow row) {
            Encounter e = new Encounter();
            // a documented visit at the clinic: over, and ambulatory
            e.setStatus(Encounter.EncounterStatus.FINISHED);
            e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
            e.setSubject(patientRef());
            if (row.date() != null) {
                e.getPeriod().setStartElement(new DateTimeType(row.date().toString()));
            }
            if (row.reason() != null) {
                e.addReasonCode().setText(row.reason());
            }
            String practitioner = practitioner(row.provider(), row.npi());
            if (practitioner != null) {
                e.addParticipant().setIndividual(new Reference(practitioner));
            }
            String url = add(e, "encounter:" + row.id());
            encounterUrls.put(row.id(), url);
            encounterRows.put(row.id(), row);
            if (practitioner != null) {
                made.computeIfAbsent("encounter:" + row.id() + ":provider", k -> new ArrayList<>()).add(practitioner);
            }
        }

        /**
         * One Practitioner per (NPI, name) in the bundle; an appointment's provider (a name only)
         * is the encounters' Practitioner of the same name when there is one.
         */
        private String practitioner(String name, String npi) {
            if (name == null && npi == null) {
                return null;
            }
            String nameKey = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            String key = (npi == null ? "" : npi) + "|" + nameKey;
            String url = practitioners.get(key);
            if (url == null && npi == null && !nameKey.isEmpty()) {
                url = practitioners.entrySet().stream().filter(e -> e.getKey().endsWith("|" + nameKey))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (url == null) {
                Practitioner p = new Practitioner();
                if (npi != null) {
                    p.addIdentifier().setSystem(NPI).setValue(npi);
                }
                if (name != null) {
                    p.addName().setText(name);
                }
                url = add(p);
                practitioners.put(key, url);
            }
            return url;
        }

        private void condition(DiagnosisRow row) {
            Condition c = new Condition();
            boolean problemList = row.encounterId() == null || !encounterUrls.containsKey(row.encounterId());
            c.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
                    problemList ? "problem-list-item" : "encounter-diagnosis",
                    problemList ? "Problem List Item" : "Encounter Diagnosis")));
            CodeableConcept code = new CodeableConcept();
            if (row.code() != null) {
                code.addCoding(new Coding(ICD10, row.code(), row.display()));
            } else {
                code.setText(row.display());
            }
            c.setCode(code);
            c.setSubject(patientRef());
            if (!problemList) {
                c.setEncounter(new Reference(encounterUrls.get(row.encounterId())));
            }
            add(c, "diagnosis:" + row.id());
        }

        private void vitals() {
            // blood pressure: one panel per encounter with both readings as components
            Map<Long, List<VitalRow>> pressures = new LinkedHashMap<>();
            for (VitalRow v : chart.vitals()) {
                if (v.kind().equals("bp_systolic") || v.kind().equals("bp_diastolic")) {
                    pressures.computeIfAbsent(v.encounterId() == null ? -v.id() : v.encounterId(), k -> new ArrayList<>()).add(v);
                } else if (Vitals.KINDS.containsKey(v.kind())) {
                    Vitals.Kind kind = Vitals.KINDS.get(v.kind());
                    Observation o = observation(v.encounterId(), kind.profile());
                    CodeableConcept code = new CodeableConcept();
                    kind.codes().forEach(c -> code.addCoding(new Coding(Vitals.LOINC, c.code(), c.display())));
                    code.setText(kind.codes().get(0).display());
                    o.setCode(code);
                    o.setValue(quantity(v));
                    add(o, "vital_sign:" + v.id());
                }
            }
            for (List<VitalRow> bp : pressures.values()) {
                VitalRow systolic = bp.stream().filter(v -> v.kind().equals("bp_systolic")).findFirst().orElse(null);
                VitalRow diastolic = bp.stream().filter(v -> v.kind().equals("bp_diastolic")).findFirst().orElse(null);
                Observation o = observation(bp.get(0).encounterId(), Vitals.BP_PROFILE);
                o.setCode(new CodeableConcept(new Coding(Vitals.LOINC, Vitals.BP.code(), Vitals.BP.display()))
                        .setText("Blood pressure"));
                component(o, Vitals.SYSTOLIC, systolic);
                component(o, Vitals.DIASTOLIC, diastolic);
                add(o, bp.stream().map(v -> "vital_sign:" + v.id()).toArray(String[]::new));
            }
        }

        private Observation observation(Long encounterId, String profile) {
            Observation o = new Observation();
            EncounterRow encounter = encounterId == null ? null : encounterRows.get(encounterId);
            LocalDate date = encounter == null ? null : encounter.date();
            if (date != null) {
                // the core vital-sign profile (it requires a day: see below for a visit without one)
                o.getMeta().addProfile(profile);
            }
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                    "vital-signs", "Vital Signs")));
            o.setSubject(patientRef());
            if (encounter != null) {
                o.setEncounter(new Reference(encounterUrls.get(encounterId)));
            }
            // a visit without a date: the time is unknown, said with data-absent-reason on a Period
            // (an empty dateTime would break the profile's day-precision rule vs-1)
            o.setEffective(date != null ? new DateTimeType(date.toString()) : absent(new Period()));
            return o;
        }

        private void component(Observation o, Vitals.Loinc code, VitalRow row) {
            Observation.ObservationComponentComponent c = o.addComponent()
                    .setCode(new CodeableConcept(new Coding(Vitals.LOINC, code.code(), code.display())));
            if (row != null) {
                c.setValue(quantity(row));
            } else {
                c.setDataAbsentReason(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown", "Unknown")));
            }
        }

        private Quantity quantity(VitalRow v) {
            return new Quantity().setValue(v.value()).setUnit(Vitals.unitDisplay(v.unit()))
                    .setSystem(Vitals.UCUM).setCode(v.unit());
        }

        private void medication(MedicationRow row) {
            MedicationStatement m = new MedicationStatement();
            // a medication list copied from paper says what was taken then, not whether it still is
            m.setStatus(MedicationStatement.MedicationStatementStatus.UNKNOWN);
            m.setMedication(new CodeableConcept().setText(row.name()));
            m.setSubject(patientRef());
            String text = String.join(" ", Stream.of(row.dose(), row.route(), row.frequency())
                    .filter(Objects::nonNull).toList());
            if (!text.isEmpty()) {
                var dosage = m.addDosage().setText(text);
                if (row.route() != null) {
                    dosage.setRoute(new CodeableConcept().setText(row.route()));
                }
            }
            add(m, "medication:" + row.id());
        }

        private void allergy(AllergyRow row) {
            AllergyIntolerance a = new AllergyIntolerance();
            // an allergy on the chart is taken as current: the safe reading (and R4 requires a status)
            a.setClinicalStatus(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
            a.setCode(new CodeableConcept().setText(row.substance()));
            a.setPatient(patientRef());
            if (row.reaction() != null) {
                a.addReaction().addManifestation(new CodeableConcept().setText(row.reaction()));
            }
            add(a, "allergy:" + row.id());
        }

        private void immunization(ImmunizationRow row) {
            Immunization i = new Immunization();
            i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
            CodeableConcept vaccine = new CodeableConcept();
            if (row.cvx() != null) {
                vaccine.addCoding(new Coding(CVX, row.cvx(), null));
            }
            vaccine.setText(row.vaccine());
            i.setVaccineCode(row.cvx() == null && row.vaccine() == null ? absent(vaccine) : vaccine);
            i.setPatient(patientRef());
            i.setOccurrence(row.date() != null ? new DateTimeType(row.date().toString()) : absent(new DateTimeType()));
            i.setLotNumber(row.lot());
            add(i, "immunization:" + row.id());
        }

        private void appointment(AppointmentRow row) {
            Appointment a = new Appointment();
            // FHIR requires a status and admits no "unknown": an appointment written in a schedule
            // without one is taken as booked
            a.setStatus(Appointment.AppointmentStatus.fromCode(row.status() != null ? row.status() : "booked"));
            if (row.date() != null && row.time() != null) {
                // the clinic's local time with the offset of its zone on that day; the source gives no
                // length, so the appointment ends when it starts (FHIR wants both or neither)
                String start = row.date().atTime(row.time()).atZone(clinicZone).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                a.setStartElement(new InstantType(start));
                a.setEndElement(new InstantType(start));
            } else if (row.date() != null) {
                // a day without a time: no instant can be given, so the day is the requested period
                a.addRequestedPeriod().setStartElement(new DateTimeType(row.date().toString()))
                        .setEndElement(new DateTimeType(row.date().toString()));
                a.setStartElement(absent(new InstantType()));
                a.setEndElement(absent(new InstantType()));
            } else {
                a.setStartElement(absent(new InstantType()));
                a.setEndElement(absent(new InstantType()));
            }
            a.addParticipant().setActor(patientRef()).setStatus(Appointment.ParticipationStatus.ACCEPTED);
            String practitioner = practitioner(row.provider(), null);
            if (practitioner != null) {
                a.addParticipant().setActor(new Reference(practitioner)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
                made.computeIfAbsent("appointment:" + row.id() + ":provider", k -> new ArrayList<>()).add(practitioner);
            }
            add(a, "appointment:" + row.id());
        }

        private void charge(ChargeRow row) {
            ChargeItem c = new ChargeItem();
            c.setStatus(ChargeItem.ChargeItemStatus.BILLED);
            CodeableConcept code = new CodeableConcept();
            if (row.cpt() != null) {
                code.addCoding(new Coding(CPT, row.cpt(), null));
            }
            code.setText(row.description());
            c.setCode(row.cpt() == null && row.description() == null ? absent(code) : code);
            c.setSubject(patientRef());
            if (row.date() != null) {
                c.setOccurrence(new DateTimeType(row.date().toString()));
            }
            if (row.charge() != null) {
                c.setPriceOverride(money(row.charge()));
            }
            chargeUrls.put(row.id(), add(c, "charge:" + row.id()));
        }

        /**
         * Payments: each stored payment row as a PaymentReconciliation; a ledger line's own
         * {@code payment} (the amount credited to it) as one more, unless payment rows already
         * account for that line. A zero payment moved no money and is not exported.
         */
        private void payments() {
            for (PaymentRow row : chart.payments()) {
                String charge = row.chargeId() == null ? null : chargeUrls.get(row.chargeId());
                add(paymentReconciliation(row.amount(), row.date(), row.payer(), charge), "payment:" + row.id());
            }
            for (ChargeRow row : chart.charges()) {
                boolean itemised = chart.payments().stream().anyMatch(p -> Objects.equals(p.chargeId(), row.id()));
                if (!itemised && row.payment() != null && row.payment().signum() != 0) {
                    String url = add(paymentReconciliation(row.payment(), null, null, chargeUrls.get(row.id())));
                    made.computeIfAbsent("charge:" + row.id() + ":payment", k -> new ArrayList<>()).add(url);
                }
            }
        }

        private PaymentReconciliation paymentReconciliation(BigDecimal amount, LocalDate date, String payer, String charge) {
            PaymentReconciliation p = new PaymentReconciliation();
            p.setStatus(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
            p.setCreatedElement(new DateTimeType(Date.from(clock.instant())));
            p.setPaymentDateElement(date != null ? new DateType(date.toString()) : absent(new DateType()));
            p.setPaymentAmount(money(amount));
            if (payer != null) {
                p.setPaymentIssuer(new Reference().setDisplay(payer));
            }
            PaymentReconciliation.DetailsComponent detail = p.addDetail()
                    .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/payment-type",
                            "payment", "Payment")))
                    .setAmount(money(amount));
            if (charge != null) {
                detail.setRequest(new Reference(charge));
            }
            if (date != null) {
                detail.setDateElement(new DateType(date.toString()));
            }
            return p;
        }
    }

    static Money money(BigDecimal amount) {
        Money money = new Money();
        money.setValue(amount);
        money.setCurrency(CURRENCY);
        return money;
    }

    /** Marks a required element whose value the store does not have. */
    static <T extends Element> T absent(T element) {
        element.addExtension(new Extension(DATA_ABSENT, new CodeType("unknown")));
        return element;
    }
}
