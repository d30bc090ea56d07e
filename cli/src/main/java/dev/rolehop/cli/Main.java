package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rolehop} command: one subcommand per job, each a thin picocli class that
 * delegates to the domain modules. Standard output and error are passed in ({@link #run}), never
 * taken from {@link System}: {@link #main} passes the process's, a test its own. Commands write
 * to {@link #out()} and {@link #err()}, or to picocli's writers over the same streams.
 */
@Command(
        name = "rolehop",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run AWS automation across accounts: Ansible-compatible playbooks, AWS CLI "
                + "credentials with role chains and MFA, and an embedded local AWS.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order help lists them. picocli builds a command's model (every
     * option, from annotations) when it is registered, a good part of a short run's start-up: a
     * run of one named command registers that command alone, any other run (help, usage errors,
     * no command) all of them.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            PlayCommand.class,
            WhoamiCommand.class,
            CredsCommand.class,
            ExecCommand.class,
            ServeCommand.class,
            ProfilesCommand.class,
            SsoCommand.class,
            ConsoleCommand.class,
            LocalCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(PlayCommand.NAME)) {
            TemplarWarmUp.start();
        }
        int code = run(System.out, System.err, args);
        System.exit(code);
    }

    /**
     * Runs the command line with these standard output and error streams and returns the exit
     * code ({@link ExitCode}), without exiting the JVM.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Optional<Integer> plain = PlainRun.run(out, err, args);
        if (plain.isPresent()) {
            return plain.get();
        }
        CommandLine commandLine = new CommandLine(new Main(out, err));
        for (Class<?> subcommand : subcommands(args)) {
            commandLine.addSubcommand(subcommand);
        }
        // After the subcommands are added: picocli hands the writers to the commands it holds.
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        // No rolehop command takes picocli's @argument files, and "-e @vars.yml" is Ansible's own @file form.
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(new UsageErrors(commandLine.getParameterExceptionHandler()));
        commandLine.setExecutionExceptionHandler(new UnexpectedErrors());
        commandLine
                .getCommandSpec()
                .exitCodeOnSuccess(ExitCode.OK)
                .exitCodeOnInvalidInput(ExitCode.USAGE)
                .exitCodeOnExecutionException(ExitCode.UNEXPECTED);
        return commandLine.execute(args);
    }

    /** The standard output every command writes to. */
    PrintStream out() {
        return out;
    }

    /** The standard error every command writes to. */
    PrintStream err() {
        return err;
    }

    /** The subcommand args name first, except {@code help} (which reads the others'), else all of them. */
    static List<Class<?>> subcommands(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                boolean named = command.name().equals(args[0])
                        || List.of(command.aliases()).contains(args[0]);
                if (named && subcommand != CommandLine.HelpCommand.class) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
