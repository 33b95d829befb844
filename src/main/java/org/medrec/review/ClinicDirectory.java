package org.medrec.review;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medrec.audit.AuditLog;
import org.medrec.extraction.chart.FormCatalog;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinics medrec knows, for filing what a technician keys: those of {@code jobs/forms/clinics.yml}
 * (by name, letterhead or identifier system), those of the spreadsheet mappings (by identifier
 * system or system name), and those already in the store. A clinic medrec does not know is
 * created only by a technician's explicit decision ({@link #create}), audited, and listed in the
 * report. Thread-safe.
 */
@Component
class ClinicDirectory {

    private static final String PREFIX = "urn:medrec:clinic:";

    private final JdbcClient jdbc;
    private final FormCatalog forms;
    private final MappingCatalog mappings;
    private final AuditLog audit;

    ClinicDirectory(JdbcClient jdbc, FormCatalog forms, MappingCatalog mappings, AuditLog audit) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.mappings = mappings;
        this.audit = audit;
    }

    /** A clinic a technician can pick: its name, and its identifier system. */
    record Known(String name, String system) {
    }

    /**
     * Every clinic medrec knows, by name: those of {@code clinics.yml}, those of the spreadsheet
     * mappings (named by their identifier system when no form names them), and those in the store.
     */
    List<Known> known() {
        Map<String, Known> bySystem = new LinkedHashMap<>();
        forms.clinics().forEach(c -> bySystem.putIfAbsent(c.identifierSystem(), new Known(c.name(), c.identifierSystem())));
        mappings.mappings().forEach(m -> bySystem.putIfAbsent(m.identifierSystem(),
                new Known(m.identifierSystem(), m.identifierSystem())));
        jdbc.sql("SELECT system, name FROM identifier_system ORDER BY id").query((rs, n) -> new Known(rs.getString(2),
                rs.getString(1))).list().forEach(k -> bySystem.putIfAbsent(k.system(), k));
        return bySystem.values().stream().sorted(Comparator.comparing(k -> k.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** The identifier system of the clinic so named (its name as printed, a letterhead, or its system), if known. */
    Optional<String> find(String nameOrSystem) {
        String wanted = fold(nameOrSystem);
        for (var clinic : forms.clinics()) {
            if (fold(clinic.identifierSystem()).equals(wanted) || fold(clinic.name()).equals(wanted)
                    || clinic.letterhead().stream().anyMatch(l -> fold(l).equals(wanted))) {
                return Optional.of(clinic.identifierSystem());
            }
        }
        for (var mapping : mappings.mappings()) {
            if (fold(mapping.identifierSystem()).equals(wanted) || (mapping.system() != null && fold(mapping.system()).equals(wanted))) {
                return Optional.of(mapping.identifierSystem());
            }
        }
        return jdbc.sql("SELECT system, name FROM identifier_system ORDER BY id").query((rs, n) -> new String[] {rs.getString(1),
                        rs.getString(2)}).list().stream()
                .filter(s -> fold(s[0]).equals(wanted) || fold(s[1]).equals(wanted)).map(s -> s[0]).findFirst();
    }

    /**
     * Creates a clinic from its name (its identifier system {@code urn:medrec:clinic:<name>}) or from an
     * identifier system given as such; audited as {@code clinic.create}. Returns its identifier system.
     */
    String create(String nameOrSystem, String user, AuditLog.Origin origin) {
        String name = nameOrSystem.strip();
        String system = name.contains(":") ? name : PREFIX + slug(name);
        jdbc.sql("""
                INSERT INTO identifier_system (system, name, created_by, created_at) VALUES (?, ?, ?, now())
                ON CONFLICT (system) DO NOTHING""").params(system, name, user).update();
        audit.append(user, origin, "clinic.create", "identifier_system", system, null, name);
        return system;
    }

    private static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:]+", "");
    }

    private static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
