package org.medrec.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code medrec export fhir}: one FHIR R4 Bundle per patient of the store, written as indented
 * JSON to {@code <mrn>.json}. A patient with several MRNs (linked records) is named by the MRN
 * recorded first, which does not change when a link is added later; the Bundle carries all of
 * them. Each patient is read in its own read-only transaction, so a Bundle is consistent even
 * while a migration runs. Logs carry counts and store ids only. Thread-safe.
 */
public final class FhirExport {

    private static final Logger log = LoggerFactory.getLogger(FhirExport.class);

    /** What an export wrote. */
    public record Result(int patients, List<Path> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    private final PatientChartQuery query;
    private final TransactionOperations readOnly;
    private final BundleBuilder builder;

    /**
     * @param readOnly the transaction each patient is read in (read-only, repeatable read)
     * @param clinicZone the zone in which the store's appointment times are local times
     */
    public FhirExport(JdbcClient jdbc, TransactionOperations readOnly, ZoneId clinicZone) {
        this(jdbc, readOnly, clinicZone, Clock.systemUTC());
    }

    FhirExport(JdbcClient jdbc, TransactionOperations readOnly, ZoneId clinicZone, Clock clock) {
        this.query = new PatientChartQuery(jdbc);
        this.readOnly = readOnly;
        this.builder = new BundleBuilder(clinicZone, clock);
    }

    /** Every patient of the store. */
    public Result exportAll(Path out) throws IOException {
        return export(out, null);
    }

    /** The patients that have this MRN (at any clinic); none when no patient has it. */
    public Result exportMrn(Path out, String mrn) throws IOException {
        return export(out, mrn);
    }

    private Result export(Path out, String mrn) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(out);
        List<PatientChartQuery.PatientIds> patients = query.patients();
        Map<Long, String> names = fileNames(patients);
        List<Path> written = new ArrayList<>();
        int resources = 0;
        for (PatientChartQuery.PatientIds patient : patients) {
            if (mrn != null && !patient.mrns().contains(mrn)) {
                continue;
            }
            PatientChart chart = readOnly.execute(status -> query.chart(patient.patientId()).orElse(null));
            if (chart == null) {
                continue;   // removed since the list was read
            }
            Bundle bundle = builder.build(chart);
            resources += bundle.getEntry().size();
            Path file = out.resolve(names.get(patient.patientId()));
            write(bundle, file);
            written.add(file);
            log.debug("exported patient {}: {} resources", patient.patientId(), bundle.getEntry().size());
        }
        log.info("FHIR export: {} patients, {} resources in {} ms", written.size(), resources,
                (System.nanoTime() - started) / 1_000_000);
        return new Result(written.size(), written);
    }

    /**
     * {@code <mrn>.json} by each patient's first MRN, with the characters a file name cannot hold
     * replaced by {@code _}. Two patients with the same MRN at two clinics: the one stored first
     * gets {@code <mrn>.json}, the next {@code <mrn>.2.json}, and so on (the same names whether
     * all patients are exported or one).
     */
    static Map<Long, String> fileNames(List<PatientChartQuery.PatientIds> patients) {
        Map<Long, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (PatientChartQuery.PatientIds p : patients) {
            String base = p.mrns().isEmpty() ? "patient-" + p.patientId() : p.mrns().get(0).replaceAll("[^A-Za-z0-9._-]", "_");
            if (base.startsWith(".")) {
                base = "_" + base.substring(1);
            }
            String name = base + ".json";
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "." + n + ".json";
            }
            names.put(p.patientId(), name);
        }
        return names;
    }

    /** Writes beside the target, then moves it in place: a reader never sees half a Bundle. */
    private static void write(Bundle bundle, Path file) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".export-", ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                FhirR4.prettyJson().encodeResourceToWriter(bundle, writer);
                writer.write('\n');
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
