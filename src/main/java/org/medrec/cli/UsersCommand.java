package org.medrec.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * {@code medrec users add|list|disable|enable|role|passwd}: the accounts of the web UI and of
 * {@code review resolve --user}. Every change is in the audit log under the OS user that made it;
 * a changed account's open web sessions end at their next request. Unknown account: exit 1.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Accounts for the web UI and review resolve.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.SetRole.class, UsersCommand.Passwd.class})
class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a users command is required (add, list, disable, enable, role,"
                + " passwd)");
    }

    /** Who runs the command: the OS user, the actor of its audit entries. */
    static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    static Accounts.Role role(CommandSpec spec, String text) {
        try {
            return Accounts.Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A new password: one line of standard input, or asked twice on the terminal; checked before anything starts. */
    static char[] newPassword(CommandSpec spec, String name, boolean fromStdin) throws IOException {
        char[] password = fromStdin ? readStdin(spec) : askTerminal(spec, name);
        String problem = Accounts.problemWith(password);
        if (problem != null) {
            Arrays.fill(password, '\0');
            throw new ParameterException(spec.commandLine(), problem);
        }
        return password;
    }

    private static char[] readStdin(CommandSpec spec) throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new ParameterException(spec.commandLine(), "--password-stdin: standard input is empty");
        }
        return line.toCharArray();
    }

    private static char[] askTerminal(CommandSpec spec, String name) {
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

    /** Runs one change of an account in the store and says what was done on stderr. */
    static int change(CommandSpec spec, String done, java.util.function.Consumer<Accounts> change) {
        try (ConfigurableApplicationContext context = Store.open()) {
            change.accept(context.getBean(Accounts.class));
        }
        spec.commandLine().getErr().println("medrec: " + done);
        return ExitCode.OK;
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
            Accounts.Role parsedRole = role(spec, role);
            String problem = Accounts.problemWithName(name);
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), problem);
            }
            char[] password = newPassword(spec, name, passwordStdin);
            try {
                return change(spec, "added user " + name + " (" + parsedRole.code() + ")",
                        accounts -> accounts.add(name, parsedRole, password, osUser(), AuditLog.Origin.CLI));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
    static class ListAccounts implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print a JSON array of {\"username\", \"role\", \"enabled\", \"created_at\"}")
        boolean json;

        @Override
        public Integer call() {
            List<Accounts.Account> accounts;
            try (ConfigurableApplicationContext context = Store.open()) {
                accounts = context.getBean(Accounts.class).list();
            }
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(accounts.stream().map(a -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("username", a.username());
                    row.put("role", a.role().code());
                    row.put("enabled", a.enabled());
                    row.put("created_at", a.createdAt().toString());
                    return row;
                }).toList()));
            } else {
                accounts.forEach(a -> out.printf("%-24s %-10s %-8s %s%n", a.username(), a.role().code(),
                        a.enabled() ? "enabled" : "disabled", a.createdAt().toLocalDate()));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables an account: it cannot log in, and its open web sessions end at once.")
    static class Disable implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
        String name;

        @Override
        public Integer call() {
            return change(spec, "disabled user " + name, a -> a.setEnabled(name, false, osUser(), AuditLog.Origin.CLI));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled account again.")
    static class Enable implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
        String name;

        @Override
        public Integer call() {
            return change(spec, "enabled user " + name, a -> a.setEnabled(name, true, osUser(), AuditLog.Origin.CLI));
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Gives an account another role; its open web sessions end.")
    static class SetRole implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "technician, viewer or admin")
        String role;

        @Override
        public Integer call() {
            Accounts.Role to = role(spec, role);
            return change(spec, "user " + name + " is now " + to.code(), a -> a.setRole(name, to, osUser(), AuditLog.Origin.CLI));
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Gives an account a new password; its open web sessions end.")
    static class Passwd implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user name")
        String name;

        @Option(names = "--password-stdin", description = "read the password from standard input (for scripts)")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            char[] password = newPassword(spec, name, passwordStdin);
            try {
                return change(spec, "new password for user " + name,
                        a -> a.setPassword(name, password, osUser(), AuditLog.Origin.CLI));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }
}
