package org.medrec.export;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medrec.export.PatientChart.SourceFileRow;
import org.medrec.export.PatientChart.ValueSource;

/**
 * The sources of a patient's values: a DocumentReference per source file (title = its path,
 * identifier = its SHA-256) and Provenance resources, one per file, page (or sheet and row), method
 * and reviewer, whose targets are the resources made from the values read there. Agents: medrec
 * (a Device) with how it read the values, and the technician who reviewed them, if any. Not
 * thread-safe: one instance per Bundle.
 */
final class Sources {

    /** The identifier system of a source file's SHA-256 (lower-case hex). */
    static final String SHA256_SYSTEM = "urn:medrec:source-file:sha256";
    /** The identifier system of medrec's user accounts (the technicians who review values). */
    static final String USER_SYSTEM = "urn:medrec:user";
    static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private static final Map<String, String> CONTENT_TYPES = Map.of("PDF", "application/pdf", "TIFF", "image/tiff",
            "PNG", "image/png", "JPEG", "image/jpeg",
            "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "XLS", "application/vnd.ms-excel", "CSV", "text/csv", "TSV", "text/tab-separated-values");

    /** How a value was read ({@code value_provenance.method}), as the Provenance says it. */
    private static final Map<String, String> METHODS = Map.of("ocr", "OCR", "text_layer", "text layer",
            "spreadsheet", "spreadsheet", "technician", "typed by a technician", "keyed", "keyed by a technician");

    /** Adds a resource to the Bundle; returns its fullUrl. */
    interface Entries {
        String add(Resource resource, String... madeFrom);
    }

    /** One Provenance: a place in a file, how it was read, who reviewed it. */
    private record Group(long sourceFileId, Integer page, String sheet, Integer row, String method, String reviewedBy) {
    }

    private final PatientChart chart;
    private final Entries entries;
    private final Function<String, List<String>> made;
    private final String patientUrl;
    private final Map<String, String> technicians = new HashMap<>();

    Sources(PatientChart chart, Entries entries, Function<String, List<String>> made, String patientUrl) {
        this.chart = chart;
        this.entries = entries;
        this.made = made;
        this.patientUrl = patientUrl;
    }

    void addAll() {
        if (chart.sources().isEmpty()) {
            return;
        }
        Map<Long, SourceFileRow> files = new LinkedHashMap<>();
        chart.sourceFiles().forEach(f -> files.put(f.id(), f));
        Map<Long, String> documents = new HashMap<>();
        files.values().forEach(f -> documents.put(f.id(), entries.add(documentReference(f))));
        String medrec = entries.add(medrecDevice());

        Map<Group, List<ValueSource>> groups = new LinkedHashMap<>();
        for (ValueSource s : chart.sources()) {
            groups.computeIfAbsent(new Group(s.sourceFileId(), s.page(), s.sheet(), s.row(), s.method(), s.reviewedBy()),
                    g -> new ArrayList<>()).add(s);
        }
        groups.forEach((group, values) -> {
            Set<String> targets = new LinkedHashSet<>();
            for (ValueSource v : values) {
                targets.addAll(Objects.requireNonNullElse(made.apply(v.entity() + ":" + v.entityId()), List.of()));
                String extra = switch (v.entity() + "." + v.field()) {
                    case "encounter.provider", "encounter.npi", "appointment.provider" -> ":provider";
                    case "charge.payment" -> ":payment";
                    default -> null;
                };
                if (extra != null) {
                    targets.addAll(Objects.requireNonNullElse(made.apply(v.entity() + ":" + v.entityId() + extra), List.of()));
                }
            }
            if (targets.isEmpty() || !documents.containsKey(group.sourceFileId())) {
                return;
            }
            Provenance p = new Provenance();
            targets.forEach(t -> p.addTarget(new Reference(t)));
            OffsetDateTime recorded = values.stream().map(ValueSource::recordedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            p.setRecordedElement(recorded == null ? BundleBuilder.absent(new InstantType())
                    : new InstantType(Date.from(recorded.toInstant())));
            Provenance.ProvenanceAgentComponent tool = p.addAgent()
                    .setType(participant("assembler", "Assembler"))
                    .setWho(new Reference(medrec).setDisplay("medrec"));
            tool.addRole().setText(METHODS.getOrDefault(group.method(), group.method()));
            if (group.reviewedBy() != null) {
                boolean typed = "technician".equals(group.method()) || "keyed".equals(group.method());
                p.addAgent().setType(typed ? participant("author", "Author") : participant("verifier", "Verifier"))
                        .setWho(new Reference(technician(group.reviewedBy())).setDisplay(group.reviewedBy()));
            }
            p.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                    .setWhat(new Reference(documents.get(group.sourceFileId()))
                            .setDisplay(where(files.get(group.sourceFileId()), group)));
            entries.add(p);
        });
    }

    private DocumentReference documentReference(SourceFileRow file) {
        DocumentReference d = new DocumentReference();
        d.setStatus(DocumentReferenceStatus.CURRENT);
        if (file.sha256() != null) {
            d.addIdentifier().setSystem(SHA256_SYSTEM).setValue(file.sha256());
        }
        d.setSubject(new Reference(patientUrl));
        if (file.createdAt() != null) {
            d.setDateElement(new InstantType(Date.from(file.createdAt().toInstant())));
        }
        var attachment = d.addContent().getAttachment();
        attachment.setContentType(CONTENT_TYPES.getOrDefault(file.format(), "application/octet-stream"));
        attachment.setTitle(file.path());
        if (file.sizeBytes() <= Integer.MAX_VALUE) {
            attachment.setSize((int) file.sizeBytes());
        }
        return d;
    }

    private static Device medrecDevice() {
        Device device = new Device();
        device.addDeviceName().setName("medrec").setType(Device.DeviceNameType.USERFRIENDLYNAME);
        device.setType(new CodeableConcept().setText("medical records migration software"));
        return device;
    }

    private String technician(String username) {
        return technicians.computeIfAbsent(username, u -> {
            Practitioner p = new Practitioner();
            p.addIdentifier().setSystem(USER_SYSTEM).setValue(u);
            return entries.add(p);
        });
    }

    private static CodeableConcept participant(String code, String display) {
        return new CodeableConcept(new Coding(PARTICIPANT_TYPE, code, display));
    }

    /** The file and the place in it: {@code charts/a.pdf, page 2} or {@code sheets/b.xlsx, sheet Shots, row 7}. */
    private static String where(SourceFileRow file, Group group) {
        StringBuilder s = new StringBuilder(file == null ? "source file" : file.path());
        if (group.page() != null) {
            s.append(", page ").append(group.page());
        }
        if (group.sheet() != null) {
            s.append(", sheet ").append(group.sheet());
        }
        if (group.row() != null) {
            s.append(", row ").append(group.row());
        }
        return s.toString();
    }
}
