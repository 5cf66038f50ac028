package io.automigrate.cli;

import io.automigrate.AutomigrateException;
import io.automigrate.ExitCode;
import io.automigrate.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code automigrate} command line. Exit codes: an {@link AutomigrateException}'s own code, 2 for usage errors,
 * 1 with a one-line message for anything unexpected (the stack trace only with {@code --verbose}).
 */
@Command(name = "automigrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns edits of a declarative PostgreSQL schema into reviewed, proven migrations.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of unexpected errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Java 17 encodes System.out and System.err in the locale's charset: with LANG unset (a container) that is
        // ASCII and every non-ASCII character (an arrow, an identifier) prints as '?'. Output is UTF-8, always;
        // replacing the streams also covers what libraries print.
        PrintStream out = utf8(FileDescriptor.out);
        PrintStream err = utf8(FileDescriptor.err);
        System.setOut(out);
        System.setErr(err);
        int code = run(args, out, err);
        io.automigrate.Trace.step("exit");
        System.exit(code);
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 1 << 16), true, StandardCharsets.UTF_8);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** {@code environment} stands in for the process environment ({@code AUTOMIGRATE_*} defaults). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        CliContext context = new CliContext(out, err, environment);
        CommandLine commandLine = new CommandLine(new Main());
        // Picocli reads every registered command's annotations up front (about 0.15 s of a run): when the command
        // is named, only it is registered; help, usage errors and a missing command see them all.
        String named = commandName(args);
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) commandLine.addSubcommand(name, command.apply(context));
        });
        commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((e, ignoredArgs) -> usageError(e, err))
                .setExecutionExceptionHandler((e, cl, parsed) -> failure(e, err, parsed));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every command, by name, in the order help lists them. */
    private static final Map<String, java.util.function.Function<CliContext, Object>> COMMANDS = commands();

    private static Map<String, java.util.function.Function<CliContext, Object>> commands() {
        Map<String, java.util.function.Function<CliContext, Object>> commands = new java.util.LinkedHashMap<>();
        commands.put("diff", DiffCommand::new);
        commands.put("lint", LintCommand::new);
        commands.put("plan", PlanCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("apply", ApplyCommand::new);
        commands.put("repair", RepairCommand::new);
        commands.put("rollback", RollbackCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("drift", DriftCommand::new);
        commands.put("push", PushCommand::new);
        commands.put("init", InitCommand::new);
        commands.put("action", ActionCommand::new);
        return commands;
    }

    /** The command the arguments name (the first one that is not an option), if it is one of ours. */
    private static String commandName(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) return COMMANDS.containsKey(arg) ? arg : null;
        }
        return null;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static int usageError(CommandLine.ParameterException e, PrintStream err) {
        err.println("error: " + Secrets.redact(e.getMessage()));
        err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.BAD_INPUT.code();
    }

    private static int failure(Exception e, PrintStream err, ParseResult parsed) {
        if (e instanceof AutomigrateException known) {
            err.println("error: " + Secrets.redact(known.getMessage()));
            if (verbose(parsed) && known.getCause() != null) {
                err.print(stackTrace(known));
            }
            return known.exitCode().code();
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        err.println("error: unexpected " + e.getClass().getName() + Secrets.redact(message)
                + (verbose(parsed) ? "" : " (run with --verbose for details)"));
        if (verbose(parsed)) {
            err.print(stackTrace(e));
        }
        // A bug, not a user error: exit 1, the code a CI step treats as "failed" without blaming the input.
        return ExitCode.CHECK_FAILED.code();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return Secrets.redact(trace.toString());
    }

    /** The project version, filled in by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"automigrate " + io.automigrate.Version.current()};
        }
    }
}
