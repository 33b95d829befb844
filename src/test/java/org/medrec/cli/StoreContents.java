package org.medrec.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.medrec.store.EmbeddedPostgresServer;

/** Everything a migration leaves in a store, in a stable order, without ids or times: two runs compare equal. */
final class StoreContents {

    private StoreContents() {
    }

    /** The store of the embedded PostgreSQL under {@code home}. */
    static List<String> of(Path home) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = server.connect()) {
            return of(c);
        }
    }

    static List<String> of(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT sha256 || ' ' || format || ' ' || coalesce(pages::text, '-') || ' ' || outcome || ' '"
                            + " || coalesce(reason, '') FROM source_file ORDER BY 1",
                    "SELECT path || ' ' || coalesce(sheet, '') || ' ' || coalesce(row_num::text, '') || ' ' || field"
                            + " || ' ' || reason FROM review_item ORDER BY 1",
                    "SELECT sf.sha256 || ' ' || p.number || ' ' || p.source || ' ' || jsonb_array_length(p.words)"
                            + " FROM page p JOIN source_file sf ON sf.id = p.source_file_id ORDER BY 1",
                    "SELECT 'patients ' || count(*) FROM patient", "SELECT 'identifiers ' || count(*) FROM patient_identifier",
                    "SELECT 'encounters ' || count(*) FROM encounter", "SELECT 'diagnoses ' || count(*) FROM diagnosis",
                    "SELECT 'immunizations ' || count(*) FROM immunization", "SELECT 'charges ' || count(*) FROM charge",
                    "SELECT 'coverage ' || count(*) FROM coverage", "SELECT 'documents ' || count(*) FROM document",
                    "SELECT 'provenance ' || count(*) FROM value_provenance_all")) {
                try (ResultSet r = s.executeQuery(sql)) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
