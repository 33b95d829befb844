package org.medrec.cli;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.medrec.report.ReportFormat;
import org.medrec.report.RunReport;
import org.medrec.report.RunReportQuery;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medrec report [--run ID] [--format text|json|csv|html]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The reconciliation report of a migration run (default: the latest).")
class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID", description = "the run's id (as printed by migrate)")
    UUID run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, csv or html (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format must be text, json, csv or html, not '" + format + "'");
        }
        try (ConfigurableApplicationContext context = Store.openLazily()) {
            RunReport report = context.getBean(RunReportQuery.class).report(run).orElse(null);
            if (report == null) {
                spec.commandLine().getErr().println("medrec: error: " + (run == null
                        ? "no migration has run against this store yet" : "no migration run " + run));
                return ExitCode.FAILED;
            }
            spec.commandLine().getOut().print(reportFormat.render(report));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
