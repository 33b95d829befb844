package org.medrec.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medrec serve [--port 8080]}: the technicians' web UI, until the process is stopped. The
 * only command that runs a web context (the others run none and need no security settings).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the technicians' web UI.")
class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "default: ${DEFAULT-VALUE}")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        try (ConfigurableApplicationContext context = Store.openWeb(port)) {
            Store.warnIfPrivileged(context, spec.commandLine().getErr());
            CountDownLatch closed = new CountDownLatch(1);
            context.addApplicationListener(e -> {
                if (e instanceof ContextClosedEvent) {
                    closed.countDown();
                }
            });
            spec.commandLine().getErr().println("medrec: serving the review UI on http://localhost:" + port
                    + "/ (log in with an account from 'medrec users add'); stop with Ctrl-C");
            spec.commandLine().getErr().flush();
            closed.await();
            return ExitCode.OK;
        }
    }
}
