package org.medrec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medrec serve [--port 8080]}. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the technicians' web UI.")
class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "default: ${DEFAULT-VALUE}")
    int port;

    @Override
    public Integer call() {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        spec.commandLine().getErr().println("medrec: serve is not available in this version:"
                + " the technicians' web UI comes with the review queue work");
        return ExitCode.FAILED;
    }
}
