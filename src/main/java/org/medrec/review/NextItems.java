package org.medrec.review;

import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medrec.config.WebProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The next item for a technician after a decision or a skip: the oldest open item that matches the
 * queue's filter (kept in the session), not skipped in this session, claimed at once. Thread-safe.
 */
@Component
@ConditionalOnWebApplication
class NextItems {

    static final String FILTER = "medrec.queueFilter";
    static final String SKIPPED = "medrec.skipped";

    private final ReviewClaims claims;
    private final WebProperties properties;

    NextItems(ReviewClaims claims, WebProperties properties) {
        this.claims = claims;
        this.properties = properties;
    }

    /** Claims the next item and redirects to its page, or to the queue when none is left. */
    String next(String user, HttpSession session, RedirectAttributes redirect) {
        Optional<UUID> next = claims.claimNext(user, filter(session), skipped(session), properties.claimDuration());
        if (next.isEmpty()) {
            redirect.addFlashAttribute("done", "No open items left for you in this queue.");
            return "redirect:/queue";
        }
        return "redirect:/items/" + next.get();
    }

    static QueueFilter filter(HttpSession session) {
        Object f = session.getAttribute(FILTER);
        return f instanceof QueueFilter q ? q : QueueFilter.ALL;
    }

    @SuppressWarnings("unchecked")
    static Set<UUID> skipped(HttpSession session) {
        Object s = session.getAttribute(SKIPPED);
        if (s instanceof Set<?> set) {
            return (Set<UUID>) set;
        }
        Set<UUID> created = Collections.synchronizedSet(new LinkedHashSet<>());
        session.setAttribute(SKIPPED, created);
        return created;
    }
}
