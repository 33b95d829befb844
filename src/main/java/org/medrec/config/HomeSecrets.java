package org.medrec.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The secrets of one {@code MEDREC_HOME}, generated at random the first time a command needs them
 * and kept in {@code MEDREC_HOME/credentials.properties} (mode 0600, in a home of mode 0700): the
 * passwords of the embedded store's two login roles (the owner that runs the schema migrations, the
 * role medrec works as) and the user and password of the remote workers' broker. Only the OS user
 * that runs medrec can read them; nothing else on the host knows them.
 *
 * @param ownerPassword  the password of {@link #OWNER}
 * @param appPassword    the password of {@link #APP}
 * @param brokerUser     the broker's one user (manager and workers)
 * @param brokerPassword its password
 */
public record HomeSecrets(String ownerPassword, String appPassword, String brokerUser, String brokerPassword) {

    /** The embedded store's role that owns the schema and runs the migrations. */
    public static final String OWNER = "medrec_owner";
    /** The embedded store's role medrec works as: no superuser, owns nothing, only appends to the audit log. */
    public static final String APP = "medrec";

    static final String FILE = "credentials.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    public HomeSecrets {
        for (String secret : new String[] {ownerPassword, appPassword, brokerUser, brokerPassword}) {
            if (secret == null || !secret.matches("[A-Za-z0-9_-]{12,}")) {
                throw new IllegalArgumentException("a secret of " + FILE + " is missing or malformed");
            }
        }
    }

    @Override
    public String toString() {
        return "HomeSecrets[…]";   // never in a log line or a message
    }

    /** The secrets of {@code home}: read, or made and written when there are none yet. The home is made private (0700). */
    public static HomeSecrets loadOrCreate(Path home) {
        Path file = secureHome(home).resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Path draft = Files.createTempFile(file.getParent(), FILE, ".new",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
                try {
                    Properties p = new Properties();
                    p.setProperty("store.owner.password", random());
                    p.setProperty("store.app.password", random());
                    p.setProperty("broker.user", "medrec-" + random().substring(0, 8));
                    p.setProperty("broker.password", random());
                    try (OutputStream out = Files.newOutputStream(draft)) {
                        p.store(out, "medrec: the secrets of this store; readable by its OS user only");
                    }
                    Files.createLink(file, draft);   // atomic: a second process that got here first wins
                } catch (FileAlreadyExistsException lost) {
                    // another medrec process wrote them first: use those
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the store's secrets in " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The secrets of {@code home} if it has any (a worker reads, never makes, the broker's). */
    public static Optional<HomeSecrets> load(Path home) {
        Path file = home.toAbsolutePath().resolve(FILE);
        try {
            return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store's secrets in " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Creates {@code home} if needed and makes it readable by its owner only (0700); returns its absolute path. */
    public static Path secureHome(Path home) {
        Path absolute = home.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            if (!Files.getPosixFilePermissions(absolute).equals(OWNER_ONLY_DIR)) {
                Files.setPosixFilePermissions(absolute, OWNER_ONLY_DIR);
            }
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make MEDREC_HOME " + absolute + " private ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static HomeSecrets read(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new HomeSecrets(p.getProperty("store.owner.password"), p.getProperty("store.app.password"),
                p.getProperty("broker.user"), p.getProperty("broker.password"));
    }

    /** 256 random bits, URL-safe Base64 (43 characters: safe inside an SQL literal and a URL). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
