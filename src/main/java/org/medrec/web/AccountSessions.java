package org.medrec.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session at its next request when its account changed since the login: disabled,
 * removed, given another role or a new password, whether in the UI or with {@code medrec users}
 * from another process. The login stamps the session ({@link #started}); every request of a stamped
 * session compares the stamp with the account's (one indexed query). Thread-safe.
 */
final class AccountSessions extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);
    private static final String STAMP = AccountSessions.class.getName() + ".stamp";
    private static final String NAME = AccountSessions.class.getName() + ".name";

    private final Accounts accounts;

    AccountSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Stamps the session of a login that just succeeded. */
    void started(HttpServletRequest request, String username) {
        HttpSession session = request.getSession();
        session.setAttribute(NAME, username);
        session.setAttribute(STAMP, accounts.sessionStamp(username).orElse(""));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(STAMP) instanceof String stamp
                && session.getAttribute(NAME) instanceof String name) {
            Optional<String> now = accounts.sessionStamp(name);
            if (now.isEmpty() || !now.get().equals(stamp)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                log.info("session of {} ended: the account was changed", name);
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
