package org.medrec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medrec export fhir --out DIR [--mrn MRN]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the store: one FHIR R4 Bundle per patient, named <mrn>.json.")
class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "fhir")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into")
    Path out;

    @Option(names = "--mrn", paramLabel = "MRN", description = "only this patient")
    String mrn;

    @Override
    public Integer call() {
        if (!format.equals("fhir")) {
            throw new ParameterException(spec.commandLine(), "the only export format is fhir, not '" + format + "'");
        }
        spec.commandLine().getErr().println("medrec: export fhir is not available in this version:"
                + " the FHIR R4 export comes with the patient identity and export work");
        return ExitCode.FAILED;
    }
}
