package org.medrec.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Brings the store's schema up to date with Flyway ({@code db/migration}), as the owner of the schema when
 * one is known, telling the migrations which role to grant to ({@code afterMigrate.sql}), before anything
 * else uses the store. Flyway runs only when the schema differs: when the versions the schema history says
 * were applied are not those of the migrations medrec carries (a new store, a new medrec, a failed
 * migration, a newer store than this medrec). Otherwise one query decides, where loading Flyway and
 * checking every migration took 0.4 s of every command's start. Thread-safe (stateless).
 */
final class StoreSchema {

    static final String LOCATION = "classpath:db/migration";

    private static final Logger log = LoggerFactory.getLogger(StoreSchema.class);
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

    private StoreSchema() {
    }

    /** Migrates when the schema is behind (or otherwise differs); {@code app} is the application role's pool. */
    static void bringUpToDate(DataSource app, StoreDataSourceConfiguration.StoreServer server) {
        Set<List<BigInteger>> carried = carriedVersions();
        if (carried.equals(appliedVersions(app))) {
            return;
        }
        long begin = System.nanoTime();
        Flyway.configure()
                .dataSource(server.separateOwner() ? owner(server) : app)
                .locations(LOCATION)
                .placeholders(Map.of("appRole", server.separateOwner() ? server.user() : ""))
                .load()
                .migrate();
        log.info("brought the store's schema up to date in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    /** The versions of the migrations on the class path. */
    static Set<List<BigInteger>> carriedVersions() {
        Set<List<BigInteger>> versions = new TreeSet<>(StoreSchema::compare);
        try {
            for (Resource migration : new PathMatchingResourcePatternResolver(StoreSchema.class.getClassLoader())
                    .getResources(LOCATION.replace("classpath:", "classpath*:") + "/*.sql")) {
                Matcher m = VERSIONED.matcher(String.valueOf(migration.getFilename()));
                if (m.matches()) {
                    versions.add(version(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the schema migrations cannot be listed", e);
        }
        return versions;
    }

    /** The versions the schema history says were applied, or null when it cannot tell (no history, a failure). */
    private static Set<List<BigInteger>> appliedVersions(DataSource app) {
        Set<List<BigInteger>> versions = new TreeSet<>(StoreSchema::compare);
        try (Connection c = app.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return null;   // a failed migration: Flyway says what to do
                }
                versions.add(version(rows.getString(1)));
            }
            return versions;
        } catch (SQLException e) {
            return null;   // a new store (no history yet), or one this role cannot read: Flyway decides
        }
    }

    /** {@code 1.2} and {@code 1_2} and {@code 1.2.0} alike, as Flyway compares versions. */
    private static List<BigInteger> version(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static DataSource owner(StoreDataSourceConfiguration.StoreServer server) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(server.url());
        owner.setUser(server.ownerUser());
        if (server.ownerPassword() != null && !server.ownerPassword().isBlank()) {
            owner.setPassword(server.ownerPassword());
        }
        owner.setApplicationName(EmbeddedPostgresServer.APPLICATION_NAME);
        owner.setLogServerErrorDetail(false);
        return owner;
    }
}
