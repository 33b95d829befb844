package org.medrec.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.medrec.audit.AuditEntries;
import org.medrec.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page and the admin pages: accounts, runs, the audit log (view and CSV export). */
@Controller
@ConditionalOnWebApplication
class WebController {

    private static final int AUDIT_PAGE = 100;

    private final Accounts accounts;
    private final AuditEntries audit;
    private final JdbcClient jdbc;

    WebController(Accounts accounts, AuditEntries audit, JdbcClient jdbc) {
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/login")
    String showLogin() {
        return "login";
    }

    @GetMapping("/admin/accounts")
    String showAccounts(Model model) {
        model.addAttribute("accounts", accounts.list());
        return "accounts";
    }

    @PostMapping("/admin/accounts")
    String processNewAccount(@RequestParam String username, @RequestParam String role, @RequestParam String password,
                             Authentication admin, RedirectAttributes redirect) {
        try {
            accounts.add(username.strip(), Accounts.Role.parse(role), password.toCharArray(), admin.getName(),
                    AuditLog.Origin.WEB);
            redirect.addFlashAttribute("done", "account " + username.strip() + " added");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    /** Disables or enables an account, gives it another role or a new password: each audited, its sessions ended. */
    @PostMapping("/admin/accounts/{username}")
    String processAccountChange(@PathVariable String username, @RequestParam String change,
                                @RequestParam(required = false) String role, @RequestParam(required = false) String password,
                                Authentication admin, RedirectAttributes redirect) {
        try {
            String done = switch (change) {
                case "disable", "enable" -> {
                    accounts.setEnabled(username, change.equals("enable"), admin.getName(), AuditLog.Origin.WEB);
                    yield change + "d";
                }
                case "role" -> {
                    Accounts.Role to = Accounts.Role.parse(role == null ? "" : role);
                    accounts.setRole(username, to, admin.getName(), AuditLog.Origin.WEB);
                    yield "now " + to.code();
                }
                case "password" -> {
                    accounts.setPassword(username, (password == null ? "" : password).toCharArray(), admin.getName(),
                            AuditLog.Origin.WEB);
                    yield "given a new password";
                }
                default -> throw new IllegalArgumentException("unknown change '" + change + "'");
            };
            redirect.addFlashAttribute("done", "account " + username + " " + done);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    @GetMapping("/admin/runs")
    String showRuns(Model model) {
        List<Map<String, Object>> runs = jdbc.sql("""
                SELECT r.id, r.status, r.started_at, r.ended_at,
                       (SELECT count(*) FROM run_file f WHERE f.run_id = r.id) AS files,
                       (SELECT count(*) FROM review_item i WHERE i.run_id = r.id) AS items,
                       (SELECT count(*) FROM review_item i WHERE i.run_id = r.id AND i.status = 'open') AS open_items
                FROM migration_run r ORDER BY r.started_at DESC LIMIT 200""").query().listOfRows();
        model.addAttribute("runs", runs);
        return "runs";
    }

    @GetMapping("/admin/audit")
    String showAudit(@RequestParam(required = false) Long before, Model model) {
        List<AuditEntries.Entry> entries = audit.page(before, AUDIT_PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() == AUDIT_PAGE ? entries.get(entries.size() - 1).id() : null);
        return "audit";
    }

    @GetMapping("/admin/audit.csv")
    void exportAudit(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"medrec-audit-log.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        audit.writeCsv(out);
        out.flush();
    }
}
