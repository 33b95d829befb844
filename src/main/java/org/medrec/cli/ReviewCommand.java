package org.medrec.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medrec.review.ReviewQueue;
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
            try (ConfigurableApplicationContext context = Store.open()) {
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

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Decides one review item, or many with --batch FILE.")
    static class Resolve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "the item's id")
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Decision decision;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "the technician deciding")
        String user;

        static class Decision {
            @Option(names = "--accept", description = "accept the proposed value")
            boolean accept;
            @Option(names = "--value", paramLabel = "VALUE", description = "replace it with VALUE")
            String value;
            @Option(names = "--reject", paramLabel = "REASON", description = "reject it, saying why")
            String reject;
            @Option(names = "--batch", paramLabel = "FILE", description = "a JSON array of decisions")
            Path batch;
        }

        @Override
        public Integer call() {
            if ((decision.batch == null) == (id == null)) {
                throw new ParameterException(spec.commandLine(), "give an item ID with --accept, --value or --reject,"
                        + " or --batch FILE without an ID");
            }
            spec.commandLine().getErr().println("medrec: review resolve is not available in this version:"
                    + " deciding items and releasing records comes with the review queue work");
            return ExitCode.FAILED;
        }
    }
}
