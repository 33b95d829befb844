package org.medrec.web;

import java.util.Locale;
import org.medrec.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts of the technicians' web UI, with bcrypt password hashes. Thread-safe. */
@Service
public class Accounts {

    /** What an account may do. */
    public enum Role { TECHNICIAN, VIEWER, ADMIN;

        public static Role parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("role must be technician, viewer or admin, not '" + text + "'");
            }
        }
    }

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    public Accounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Validates a new account's name and password; returns the problem, or null. */
    public static String problemWith(String username, char[] password) {
        if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
            return "user names are 1 to 64 letters, digits, '.', '_', '@' or '-'";
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            return "the password must have at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        return null;
    }

    /** Adds an account; fails when the name is taken. */
    @Transactional
    public void add(String username, Role role, char[] password, String actor, AuditLog.Origin origin) {
        String problem = problemWith(username, password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try {
            jdbc.sql("INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, ?)")
                    .params(username, encoder.encode(java.nio.CharBuffer.wrap(password)),
                            role.name().toLowerCase(Locale.ROOT))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("user '" + username + "' already exists");
        }
        audit.append(actor, origin, "user.add", "app_user", username, null, role.name().toLowerCase(Locale.ROOT));
    }
}
