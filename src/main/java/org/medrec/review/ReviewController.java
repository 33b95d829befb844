package org.medrec.review;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.config.WebProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue in the browser: the list of open items (filters kept in the session, never in
 * the URL), the next item for a technician (claimed), an item's page with its page image, and
 * the technician's decisions. After a decision the next item is claimed and shown at once.
 */
@Controller
@ConditionalOnWebApplication
class ReviewController {

    /** CorrectedValues' way of proposing a reading for an ambiguous value. */
    private static final Pattern SUGGESTION = Pattern.compile("\\(type '(.*)' to confirm that reading\\)$");

    private final OpenItems openItems;
    private final ReviewClaims claims;
    private final ClaimedDecisions decisions;
    private final ItemDetails details;
    private final PageImages images;
    private final Originals originals;
    private final List<ItemKind> kinds;
    private final WebProperties properties;
    private final NextItems next;
    private final KeyingPages keyingPages;

    ReviewController(OpenItems openItems, ReviewClaims claims, ClaimedDecisions decisions, ItemDetails details,
                     PageImages images, Originals originals, List<ItemKind> kinds, WebProperties properties, NextItems next,
                     KeyingPages keyingPages) {
        this.next = next;
        this.keyingPages = keyingPages;
        this.openItems = openItems;
        this.claims = claims;
        this.decisions = decisions;
        this.details = details;
        this.images = images;
        this.originals = originals;
        this.kinds = kinds;
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/queue";
    }

    @GetMapping("/queue")
    String showQueue(@RequestParam(required = false) UUID after, HttpSession session, Model model) {
        QueueFilter filter = NextItems.filter(session);
        model.addAttribute("filter", filter);
        model.addAttribute("page", openItems.page(filter, after, properties.queuePageSize()));
        model.addAttribute("matching", filter.isAll() ? null : openItems.count(filter));
        model.addAttribute("counts", openItems.counts());
        model.addAttribute("bands", ConfidenceBand.values());
        model.addAttribute("after", after);
        return "queue";
    }

    @PostMapping("/queue/filter")
    String processFilter(@RequestParam(required = false) String docType, @RequestParam(required = false) String field,
                         @RequestParam(required = false) String reason, @RequestParam(required = false) String band,
                         @RequestParam(required = false) String run, HttpSession session, RedirectAttributes redirect) {
        try {
            UUID runId = run == null || run.isBlank() ? null : UUID.fromString(run.strip());
            session.setAttribute(NextItems.FILTER, new QueueFilter(docType, field, reason, ConfidenceBand.parse(band), runId));
            session.removeAttribute(NextItems.SKIPPED);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "filter not changed: " + e.getMessage());
        }
        return "redirect:/queue";
    }

    @PostMapping("/queue/next")
    String processNext(Authentication user, HttpSession session, RedirectAttributes redirect) {
        return next.next(user.getName(), session, redirect);
    }

    @GetMapping("/items/{id}")
    String showItem(@PathVariable UUID id, @RequestParam(required = false) String type, Authentication user, Model model) {
        boolean technician = isTechnician(user);
        Optional<ReviewClaims.Holder> holder = technician ? claims.claim(id, user.getName(), properties.claimDuration())
                : claims.holder(id);
        ItemDetails.Item item = details.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ItemKind kind = kind(item);
        boolean heldByOther = holder.map(h -> h.live() && !user.getName().equals(h.claimedBy())).orElse(false);
        model.addAttribute("item", item);
        model.addAttribute("original", item.onPage() ? originals.check(item).name() : null);
        model.addAttribute("actions", kind.actions(item));
        model.addAttribute("holder", holder.orElse(null));
        model.addAttribute("heldByOther", heldByOther);
        model.addAttribute("canDecide", technician && item.open() && !heldByOther);
        boolean canAdd = technician && !heldByOther && !item.record().isEmpty()
                && ("held".equals(item.documentStatus()) || "loaded".equals(item.documentStatus()));
        model.addAttribute("addable", canAdd ? Additions.addable(item.record().stream()
                .map(ItemDetails.RecordValue::field).toList()) : null);
        return item.keyed() ? keyingPages.show(item, type, model) : "item";
    }

    @GetMapping("/items/{id}/crop.png")
    ResponseEntity<byte[]> showCrop(@PathVariable UUID id) {
        return image(id, false);
    }

    @GetMapping("/items/{id}/page.png")
    ResponseEntity<byte[]> showPage(@PathVariable UUID id) {
        return image(id, true);
    }

    @PostMapping("/items/{id}/decision")
    String processDecision(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication user,
                           HttpSession session, RedirectAttributes redirect) {
        ItemDetails.Item item = details.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String action = form.get("action");
        Decision decision;
        try {
            decision = kind(item).decision(item, action, form);
        } catch (IllegalArgumentException e) {
            return back(id, e.getMessage(), form.get("value"), null, redirect);
        }
        if (decision instanceof Decision.Value value) {
            CorrectedValues.Checked checked = CorrectedValues.check(item.field(), value.value(), LocalDate.now());
            if (!checked.ok()) {
                Matcher m = SUGGESTION.matcher(checked.problem());
                return back(id, checked.problem(), value.value(), m.find() ? m.group(1) : null, redirect);
            }
        }
        DecisionResult result = decisions.decide(id, decision, user.getName());
        if (!result.applied()) {
            return back(id, result.message(), form.get("value"), null, redirect);
        }
        redirect.addFlashAttribute("done", "saved: " + decision.action() + (result.release() == null ? ""
                : "; the record was released (" + result.release().status().code() + ")"));
        return next.next(user.getName(), session, redirect);
    }

    @PostMapping("/items/{id}/skip")
    String processSkip(@PathVariable UUID id, Authentication user, HttpSession session, RedirectAttributes redirect) {
        NextItems.skipped(session).add(id);
        claims.release(id, user.getName());
        return next.next(user.getName(), session, redirect);
    }

    private static String back(UUID id, String problem, String typed, String suggestion, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", problem);
        redirect.addFlashAttribute("typed", suggestion != null ? suggestion : typed);
        redirect.addFlashAttribute("suggestion", suggestion);
        return "redirect:/items/" + id;
    }

    private ResponseEntity<byte[]> image(UUID id, boolean wholePage) {
        ItemDetails.Item item = details.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return images.png(item, wholePage)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore().cachePrivate()).body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private ItemKind kind(ItemDetails.Item item) {
        return kinds.stream().filter(k -> k.handles(item)).findFirst().orElseThrow();
    }

    private static boolean isTechnician(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_TECHNICIAN"));
    }

}
