package dev.rolehop.cli;

import dev.rolehop.cli.daemon.DaemonClient;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code rolehop creds}, {@code whoami} or {@code exec} run with plain options (or a bare
 * {@code rolehop --version}), answered without picocli: {@code creds --profile P --format process} as a {@code credential_process} line has it,
 * {@code whoami --profile P [--output json]}, {@code exec --profile P -- COMMAND...}, options in any
 * order, with {@code --mfa-token} and {@code --no-cache}. Every AWS CLI or SDK process that uses a
 * {@code credential_process} profile waits for such a run, and building picocli's command model from
 * its annotations costs more than reading a cached session. Anything else on the line (help,
 * another option, a repeated or dangling one, a value that looks like an option, an unknown
 * choice, an exec without {@code --}) is left to picocli, which parses it, explains its errors and
 * runs the command itself: both paths run the command's same static method, so they answer alike.
 */
final class PlainRun {

    /**
     * A command that can run this way: the option that chooses among an enum's constants (null for
     * none), whether it takes a command after {@code --}, and its body.
     */
    private record Shape(
            String command, String option, Class<? extends Enum<?>> choices, boolean takesCommand, Body body) {

        boolean allows(String choice) {
            return Arrays.stream(choices.getEnumConstants())
                    .anyMatch(constant -> constant.name().equals(choice));
        }
    }

    /** What a command does once its line is read. */
    private interface Body {
        int run(PlainRun line, PrintWriter out, PrintWriter err);
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(
                    CredsCommand.NAME,
                    CredsCommand.FORMAT,
                    CredsFormat.class,
                    false,
                    (line, out, err) -> CredsCommand.print(
                            line.credentials, CredsFormat.valueOf(line.choice(CredsCommand.DEFAULT_FORMAT)), out, err)),
            new Shape(
                    WhoamiCommand.NAME,
                    WhoamiCommand.OUTPUT,
                    WhoamiCommand.WhoamiOutput.class,
                    false,
                    (line, out, err) -> WhoamiCommand.show(
                            line.credentials,
                            WhoamiCommand.WhoamiOutput.valueOf(line.choice(WhoamiCommand.DEFAULT_OUTPUT)),
                            out,
                            err)),
            new Shape(
                    ExecCommand.NAME,
                    null,
                    null,
                    true,
                    (line, out, err) -> ExecCommand.exec(line.credentials, false, line.command, err)));

    private final Shape shape;
    private final CredsOptions credentials = new CredsOptions();
    private String choice;
    private List<String> command;

    private PlainRun(Shape shape) {
        this.shape = shape;
    }

    /**
     * Runs {@code args} here if they are a plain line; the exit code, or empty for a line picocli
     * must parse.
     */
    static Optional<Integer> run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What scripts ask first to find out whether rolehop is there: picocli would print the same.
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            return Optional.of(ExitCode.OK);
        }
        return parse(args)
                .map(line -> line.servedByDaemon()
                        ? DaemonClient.run(Main.class.getName(), DaemonMain.class.getName(), args, out, err)
                                .orElseGet(() -> line.run(out, err))
                        : line.run(out, err));
    }

    /**
     * Whether a warm daemon may answer this line for the process ({@link DaemonClient}): a {@code
     * creds} or {@code whoami}, which print and exit. An {@code exec} runs its command here, where
     * the terminal and the signals are.
     */
    boolean servedByDaemon() {
        return !shape.takesCommand();
    }

    /** Runs the line, printing to {@code out} and {@code err}; its exit code. */
    int run(PrintStream out, PrintStream err) {
        return shape.body().run(this, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    static Optional<PlainRun> parse(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        Optional<Shape> shape = SHAPES.stream()
                .filter(candidate -> candidate.command().equals(args[0]))
                .findFirst();
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        PlainRun line = new PlainRun(shape.get());
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--") && line.shape.takesCommand()) {
                line.command = List.of(Arrays.copyOfRange(args, i + 1, args.length));
                return Optional.of(line);
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!seen.add(name)) {
                return Optional.empty();
            }
            if (name.equals(CredsOptions.NO_CACHE) && equals < 0) {
                line.credentials.noCache = true;
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (!line.set(name, value)) {
                return Optional.empty();
            }
        }
        return line.shape.takesCommand() ? Optional.empty() : Optional.of(line);
    }

    CredsOptions credentials() {
        return credentials;
    }

    /** The chosen constant's name, else {@code defaultChoice}. */
    String choice(String defaultChoice) {
        return choice == null ? defaultChoice : choice;
    }

    /** What follows {@code --}; null for a command that takes none. */
    List<String> command() {
        return command;
    }

    /** Sets option {@code name} to {@code value}; false when picocli must deal with either. */
    private boolean set(String name, String value) {
        if (name.equals(CredsOptions.PROFILE)) {
            credentials.profile = value;
        } else if (name.equals(CredsOptions.MFA_TOKEN)) {
            credentials.mfaToken = value;
        } else if (shape.option() != null && name.equals(shape.option()) && shape.allows(value)) {
            choice = value;
        } else {
            return false;
        }
        return true;
    }
}
