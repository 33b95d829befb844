package org.medrec.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.medrec.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of the technicians' web UI, with bcrypt password hashes, and their life cycle: added,
 * disabled and enabled again, given another role, given a new password; each change in the audit
 * log. A change ends the account's open web sessions at their next request ({@link AccountSessions}).
 * Thread-safe.
 */
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

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One account as {@code users list} and the accounts page show it. */
    public record Account(String username, Role role, boolean enabled, OffsetDateTime createdAt) {
    }

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /**
     * The one bcrypt cost for hashing and for checking logins, so that a login with an unknown name
     * (checked against a made-up hash of the same cost) takes as long as one with a known name.
     */
    static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder(12);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public Accounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Validates a new account's name and password; returns the problem, or null. */
    public static String problemWith(String username, char[] password) {
        String problem = problemWithName(username);
        return problem != null ? problem : problemWith(password);
    }

    /** Validates a new account's name; returns the problem, or null. */
    public static String problemWithName(String username) {
        return username.matches("[A-Za-z0-9._@-]{1,64}") ? null
                : "user names are 1 to 64 letters, digits, '.', '_', '@' or '-'";
    }

    /** Validates a password; returns the problem, or null. */
    public static String problemWith(char[] password) {
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
                    .params(username, PASSWORDS.encode(java.nio.CharBuffer.wrap(password)), role.code())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("user '" + username + "' already exists");
        }
        audit.append(actor, origin, "user.add", "app_user", username, null, role.code());
    }

    public List<Account> list() {
        return jdbc.sql("SELECT username, role, enabled, created_at FROM app_user ORDER BY username")
                .query((rs, n) -> new Account(rs.getString(1), Role.parse(rs.getString(2)), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /** The role of an enabled account, or empty (no such account, or disabled). */
    public Optional<Role> activeRole(String username) {
        return jdbc.sql("SELECT role FROM app_user WHERE username = ? AND enabled")
                .param(username).query((rs, n) -> Role.parse(rs.getString(1))).optional();
    }

    /** Disables (false) or enables (true) an account; a disabled one cannot log in and its sessions end. */
    @Transactional
    public void setEnabled(String username, boolean enabled, String actor, AuditLog.Origin origin) {
        Account account = existing(username);
        if (!enabled) {
            requireAnotherAdmin(account, "disable");
        }
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
        audit.append(actor, origin, enabled ? "user.enable" : "user.disable", "app_user", username,
                Boolean.toString(account.enabled()), Boolean.toString(enabled));
    }

    /** Gives an account another role; its sessions end (it logs in again with the new one). */
    @Transactional
    public void setRole(String username, Role role, String actor, AuditLog.Origin origin) {
        Account account = existing(username);
        if (role != Role.ADMIN) {
            requireAnotherAdmin(account, "take the admin role from");
        }
        jdbc.sql("UPDATE app_user SET role = ? WHERE username = ?").params(role.code(), username).update();
        audit.append(actor, origin, "user.role", "app_user", username, account.role().code(), role.code());
    }

    /** Gives an account a new password; its sessions end. */
    @Transactional
    public void setPassword(String username, char[] password, String actor, AuditLog.Origin origin) {
        existing(username);
        String problem = problemWith(password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
                .params(PASSWORDS.encode(java.nio.CharBuffer.wrap(password)), username).update();
        audit.append(actor, origin, "user.passwd", "app_user", username, null, null);
    }

    /**
     * What a session of {@code username} was opened with: a digest of its role and password hash,
     * empty when the account is gone or disabled. A session whose stamp no longer matches ends.
     */
    public Optional<String> sessionStamp(String username) {
        return jdbc.sql("SELECT role, password_hash FROM app_user WHERE username = ? AND enabled")
                .param(username)
                .query((rs, n) -> DigestUtils.sha256Hex(rs.getString(1) + "\n" + rs.getString(2)))
                .optional();
    }

    private Account existing(String username) {
        return jdbc.sql("SELECT username, role, enabled, created_at FROM app_user WHERE username = ? FOR UPDATE")
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), Role.parse(rs.getString(2)), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("there is no account '" + username + "'"));
    }

    /** Nobody can lock the admins out: the last enabled admin stays one. */
    private void requireAnotherAdmin(Account account, String what) {
        if (account.role() != Role.ADMIN || !account.enabled()) {
            return;
        }
        long others = jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'admin' AND enabled AND username <> ?")
                .param(account.username()).query(Long.class).single();
        if (others == 0) {
            throw new IllegalArgumentException("cannot " + what + " '" + account.username()
                    + "': it is the last enabled admin account");
        }
    }
}
