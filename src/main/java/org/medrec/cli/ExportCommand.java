package org.medrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medrec.config.MedrecProperties;
import org.medrec.export.FhirExport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;

/** {@code medrec export fhir --out DIR [--mrn MRN]}: prints {@code {"patients": N, "out": "DIR"}}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the store: one FHIR R4 Bundle per patient, named <mrn>.json.")
class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "fhir")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into (created if needed)")
    Path out;

    @Option(names = "--mrn", paramLabel = "MRN", description = "only the patient with this MRN")
    String mrn;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("fhir")) {
            throw new ParameterException(spec.commandLine(), "the only export format is fhir, not '" + format + "'");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, not a folder");
        }
        try (ConfigurableApplicationContext context = Store.openLazily()) {
            TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            FhirExport export = new FhirExport(context.getBean(JdbcClient.class), readOnly,
                    context.getBean(MedrecProperties.class).clinicTimeZone());
            FhirExport.Result result = mrn == null ? export.exportAll(out) : export.exportMrn(out, mrn);
            if (mrn != null && result.patients() == 0) {
                spec.commandLine().getErr().println("medrec: error: no patient in the store has the MRN " + mrn);
                return ExitCode.FAILED;
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("patients", result.patients());
            summary.put("out", out.toAbsolutePath().normalize().toString());
            spec.commandLine().getOut().println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
