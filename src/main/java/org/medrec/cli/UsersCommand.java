package org.medrec.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.medrec.audit.AuditLog;
import org.medrec.web.Accounts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medrec users add NAME --role technician|viewer|admin [--password-stdin]}. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Accounts for the web UI.",
        subcommands = UsersCommand.Add.class)
class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a users command is required (add)");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an account.")
    static class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "technician, viewer or admin")
        String role;

        @Option(names = "--password-stdin", description = "read the password from standard input (for scripts)")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Accounts.Role parsedRole;
            try {
                parsedRole = Accounts.Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            char[] password = passwordStdin ? readStdin() : askTerminal();
            try {
                String problem = Accounts.problemWith(name, password);
                if (problem != null) {
                    throw new ParameterException(spec.commandLine(), problem);
                }
                try (ConfigurableApplicationContext context = Store.openLazily()) {
                    context.getBean(Accounts.class).add(name, parsedRole, password,
                            System.getProperty("user.name", "unknown"), AuditLog.Origin.CLI);
                }
                spec.commandLine().getErr().println("medrec: added user " + name + " (" + parsedRole.name().toLowerCase() + ")");
                return ExitCode.OK;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] readStdin() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new ParameterException(spec.commandLine(), "--password-stdin: standard input is empty");
            }
            return line.toCharArray();
        }

        private char[] askTerminal() {
            Console console = System.console();
            if (console == null) {
                throw new ParameterException(spec.commandLine(),
                        "no terminal to ask for the password: pass it on standard input with --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new ParameterException(spec.commandLine(), "the two passwords differ");
            }
            return first;
        }
    }
}
