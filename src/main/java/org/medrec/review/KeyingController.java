package org.medrec.review;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.audit.AuditLog;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a technician saves on the keying page ({@link KeyingPages}): a document or a broken
 * record keyed with the form ({@code Decision.Record}, as {@code review resolve --record} makes
 * it), or a row finished with its corrected cells ({@code Decision.Row}); and the pages of a
 * document; and values the page shows that extraction missed, added to a document's record
 * ({@link Additions}). Every value is checked by the validators before anything is decided; a refused save
 * comes back with each problem at its input and nothing stored. Saved, the next item comes.
 */
@Controller
@ConditionalOnWebApplication
class KeyingController {

    private static final Pattern CELL = Pattern.compile("^cell\\.([A-Z]{1,3})$");
    private static final Pattern ADDED_FIELD = Pattern.compile("^field\\.(\\d{1,3})$");
    private static final Pattern COLUMN_PROBLEM = Pattern.compile("^column ([A-Z]{1,3}): ");

    private final ItemDetails details;
    private final PageImages images;
    private final ClaimedDecisions decisions;
    private final ClinicDirectory clinics;
    private final Keying keying;
    private final NextItems next;
    private final Additions additions;

    KeyingController(ItemDetails details, PageImages images, ClaimedDecisions decisions, ClinicDirectory clinics,
                     Keying keying, NextItems next, Additions additions) {
        this.additions = additions;
        this.details = details;
        this.images = images;
        this.decisions = decisions;
        this.clinics = clinics;
        this.keying = keying;
        this.next = next;
    }

    @GetMapping("/items/{id}/pages/{number}.png")
    ResponseEntity<byte[]> showPage(@PathVariable UUID id, @PathVariable int number) {
        return images.wholePage(find(id), number)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore().cachePrivate()).body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/items/{id}/keyed")
    String processKeyed(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication user,
                        HttpSession session, RedirectAttributes redirect) {
        ItemDetails.Item item = find(id);
        String docType = blankToNull(form.get("docType"));
        String clinic = blankToNull(form.get("clinic"));
        boolean newClinic = form.containsKey("newClinic");
        KeyingForm.Posted posted = KeyingForm.records(form);
        Map<String, String> problems = new LinkedHashMap<>();
        if (item.kind().equals("document") && (docType == null || !keying.docTypes().contains(docType))) {
            problems.put("docType", "pick the document type: one of " + String.join(", ", keying.docTypes()));
        }
        if (clinic != null && !newClinic && clinics.find(clinic).isEmpty()) {
            problems.put("clinic", "medrec does not know the clinic '" + clinic + "': pick one it knows, or tick"
                    + " \"a new clinic\" to create it");
        } else if (clinic == null && item.identifierSystem() == null) {
            problems.put("clinic", "pick the clinic whose record this is");
        }
        // each value checked as Keying will check it, to show each problem at its input (the clinic is Keying's to resolve)
        KeyedRecords.read(posted.records(), "urn:medrec:check", docType == null ? "row" : docType,
                        SourceRef.wholeFile(item.sourceFileId(), item.path(), Method.KEYED), LocalDate.now())
                .problems().forEach(p -> problems.putIfAbsent(posted.input(p.path()) == null ? "records"
                        : posted.input(p.path()), p.message()));
        if (!problems.isEmpty()) {
            String elsewhere = String.join("; ", problems.entrySet().stream()
                    .filter(e -> !KeyingForm.isPath(e.getKey()) && !e.getKey().equals("docType") && !e.getKey().equals("clinic"))
                    .map(e -> e.getValue()).toList());
            return refused(id, docType, form, problems, clinic, newClinic, "Not saved: " + problems.size()
                    + (problems.size() == 1 ? " value needs" : " values need") + " correcting (marked)"
                    + (elsewhere.isEmpty() ? "" : ": " + elsewhere), redirect);
        }
        DecisionResult result = decisions.decide(id, new Decision.Record(docType, clinic, posted.records()), user.getName());
        if (!result.applied()) {
            return refused(id, docType, form, problems, clinic, newClinic, result.message(), redirect);
        }
        redirect.addFlashAttribute("done", "saved: " + posted.values() + " values keyed and loaded");
        return next.next(user.getName(), session, redirect);
    }

    @PostMapping("/items/{id}/row")
    String processRow(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication user,
                      HttpSession session, RedirectAttributes redirect) {
        find(id);
        Map<String, String> cells = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            Matcher m = CELL.matcher(name);
            if (m.matches()) {
                cells.put(m.group(1), value);
            }
        });
        DecisionResult result = decisions.decide(id, new Decision.Row(cells), user.getName());
        if (!result.applied()) {
            Matcher column = COLUMN_PROBLEM.matcher(result.message());
            redirect.addFlashAttribute(KeyingPages.CELLS, cells);
            redirect.addFlashAttribute(KeyingPages.CELL_PROBLEM, column.find() ? column.group(1) : null);
            redirect.addFlashAttribute("problem", "Not saved: " + result.message());
            return "redirect:/items/" + id;
        }
        redirect.addFlashAttribute("done", "saved: the row was loaded");
        return next.next(user.getName(), session, redirect);
    }

    /** Values the page shows that extraction missed, added to the item's document ({@link Additions}); the item stays on screen. */
    @PostMapping("/items/{id}/additions")
    String processAdditions(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication user,
                            RedirectAttributes redirect) {
        find(id);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, field) -> {
            Matcher m = ADDED_FIELD.matcher(name);
            String value = m.matches() ? form.get("value." + m.group(1)) : null;
            if (m.matches() && field != null && !field.isBlank() && value != null && !value.isBlank()) {
                values.put(field.strip(), value);
            }
        });
        DecisionResult result = additions.add(id, values, user.getName(), AuditLog.Origin.WEB);
        redirect.addFlashAttribute(result.applied() ? "done" : "problem", result.applied()
                ? "added: " + values.size() + (values.size() == 1 ? " value" : " values") + " the page shows"
                : "Not added: " + result.message());
        return "redirect:/items/" + id;
    }

    private String refused(UUID id, String docType, Map<String, String> form, Map<String, String> problems, String clinic,
                           boolean newClinic, String message, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (KeyingForm.isPath(name) && value != null && !value.isBlank()) {
                typed.put(name, value);
            }
        });
        redirect.addFlashAttribute(KeyingPages.TYPED, typed);
        redirect.addFlashAttribute(KeyingPages.PROBLEMS, problems);
        redirect.addFlashAttribute(KeyingPages.CLINIC, clinic);
        redirect.addFlashAttribute(KeyingPages.NEW_CLINIC, newClinic);
        redirect.addFlashAttribute("problem", message);
        return "redirect:/items/" + id + (docType == null || !keying.docTypes().contains(docType) ? "" : "?type=" + docType);
    }

    private ItemDetails.Item find(UUID id) {
        return details.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
