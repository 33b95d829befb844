package org.medrec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.medrec.audit.AuditLog;
import org.medrec.review.Decision;
import org.medrec.review.DecisionResult;
import org.medrec.review.ReviewBatch;
import org.medrec.review.ReviewDecisions;
import org.medrec.review.ReviewQueue;
import org.medrec.web.Accounts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medrec review list|resolve}. */
@Command(name = "review", mixinStandardHelpOptions = true, description = "The review queue.",
        subcommands = {ReviewCommand.ListItems.class, ReviewCommand.Resolve.class})
class ReviewCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a review command is required (list, resolve)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists review items, oldest first.")
    static class ListItems implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        @Option(names = "--status", defaultValue = "open", paramLabel = "STATUS",
                description = "open or all (default: ${DEFAULT-VALUE})")
        String status;

        @Override
        public Integer call() {
            if (!status.equals("open") && !status.equals("all")) {
                throw new ParameterException(spec.commandLine(), "--status must be open or all, not '" + status + "'");
            }
            try (ConfigurableApplicationContext context = Store.openLazily()) {
                List<Map<String, Object>> items = context.getBean(ReviewQueue.class).list(status.equals("open"));
                var out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.write(items));
                } else if (items.isEmpty()) {
                    out.println("No " + (status.equals("open") ? "open " : "") + "review items.");
                } else {
                    items.forEach(i -> out.printf("%s  %-8s %s p%s  %s  %s%n", i.get("id"), i.get("status"),
                            i.get("file"), i.get("page") == null ? "-" : i.get("page"), i.get("field"), i.get("reason")));
                }
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    /**
     * {@code review resolve ID (--accept | --value VALUE | --reject REASON | --record FILE) --user NAME} and
     * {@code review resolve --batch FILE --user NAME}: the rules are {@link ReviewDecisions}'s.
     * One item: exit 0 and one line on stdout when applied, exit 1 with the reason on stderr when
     * refused. A batch: exit 0 with {@code {"applied": N, "failed": [{"id": …, "error": …}]}}.
     */
    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Decides one review item, or many with --batch FILE; a held record is loaded when its last item is decided.")
    static class Resolve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "the item's id")
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice decision;

        @Option(names = "--user", required = true, paramLabel = "NAME",
                description = "the technician deciding: an enabled technician account (medrec users list)")
        String user;

        /** Exactly one of the decisions, or --batch. */
        static class Choice {
            @Option(names = "--accept", description = "accept the proposed value")
            boolean accept;
            @Option(names = "--value", paramLabel = "VALUE", description = "replace it with VALUE")
            String value;
            @Option(names = "--reject", paramLabel = "REASON", description = "reject it, saying why")
            String reject;
            @Option(names = "--record", paramLabel = "FILE", description = "key a document or row medrec could not read:"
                    + " {\"doc_type\": …, \"clinic\": …, \"records\": [ … record model … ]}, or a row's corrected cells:"
                    + " {\"cells\": {\"C\": …}}")
            Path record;
            @Option(names = "--batch", paramLabel = "FILE", description = "a JSON array of decisions")
            Path batch;
        }

        @Override
        public Integer call() {
            if ((decision.batch == null) == (id == null)) {
                throw new ParameterException(spec.commandLine(), "give an item ID with --accept, --value, --reject or --record,"
                        + " or --batch FILE without an ID");
            }
            if (user.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--user must name the person deciding");
            }
            if (decision.batch != null) {
                return batch(readBatch());
            }
            UUID itemId = itemId();
            Decision chosen;
            try {
                chosen = decision.accept ? new Decision.Accept()
                        : decision.value != null ? new Decision.Value(decision.value)
                        : decision.record != null ? readRecord() : new Decision.Reject(decision.reject);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), (decision.record != null ? "--record " : "--reject: ")
                        + e.getMessage());
            }
            try (ConfigurableApplicationContext context = Store.openLazily()) {
                if (!knownTechnician(context)) {
                    return ExitCode.FAILED;
                }
                DecisionResult result = context.getBean(ReviewDecisions.class).decide(itemId, chosen, user, AuditLog.Origin.CLI);
                if (!result.applied()) {
                    spec.commandLine().getErr().println("medrec: " + result.message());
                    return ExitCode.FAILED;
                }
                spec.commandLine().getOut().println(result.message());
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        }

        private int batch(List<ReviewBatch.Entry> entries) {
            try (ConfigurableApplicationContext context = Store.openLazily()) {
                if (!knownTechnician(context)) {
                    return ExitCode.FAILED;
                }
                ReviewBatch.Result result = context.getBean(ReviewBatch.class).apply(entries, user, AuditLog.Origin.CLI);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("applied", result.applied());
                json.put("failed", result.failed().stream().map(f -> {
                    Map<String, Object> failure = new LinkedHashMap<>();
                    failure.put("id", f.id());
                    failure.put("error", f.error());
                    return failure;
                }).toList());
                spec.commandLine().getOut().println(Json.write(json));
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
        }

        /** Whether --user names an enabled technician account (else says so: the audit log names known people only). */
        private boolean knownTechnician(ConfigurableApplicationContext context) {
            if (context.getBean(Accounts.class).activeRole(user).filter(r -> r == Accounts.Role.TECHNICIAN).isPresent()) {
                return true;
            }
            spec.commandLine().getErr().println("medrec: --user " + user + " is not an enabled technician account; decisions"
                    + " are made by a known person (medrec users list; medrec users add NAME --role technician)");
            return false;
        }

        private List<ReviewBatch.Entry> readBatch() {
            try {
                return ReviewBatch.read(Files.readString(decision.batch));
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--batch " + decision.batch + ": cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--batch " + decision.batch + ": " + e.getMessage());
            }
        }

        private Decision readRecord() {
            try {
                return ReviewBatch.record(Json.mapper().readTree(Files.readString(decision.record)));
            } catch (IOException e) {
                throw new IllegalArgumentException(decision.record + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalArgumentException(decision.record + ": not JSON (" + e.getOriginalMessage() + ")");
            }
        }

        private UUID itemId() {
            try {
                return UUID.fromString(id.strip());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "'" + id + "' is not a review item id (see review list)");
            }
        }
    }
}
