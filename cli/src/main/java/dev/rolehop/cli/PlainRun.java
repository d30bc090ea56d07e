package dev.rolehop.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code rolehop creds} or {@code whoami} run with plain options, answered without picocli:
 * {@code creds --profile P --format process} as a {@code credential_process} line has it, in any
 * order, with {@code --mfa-token}, {@code --no-cache}, and {@code whoami}'s {@code --output}. Every
 * AWS CLI or SDK process that uses such a profile waits for that run, and building picocli's command
 * model from its annotations costs more than reading a cached session. Anything else on the line
 * (help, another option, a repeated or dangling one, a value that looks like an option, an unknown
 * choice) is left to picocli, which parses it, explains its errors and runs the command itself:
 * both paths run the command's same static method, so they answer alike.
 */
final class PlainRun {

    /** A command that can run this way: its one option choosing among an enum's constants, and its body. */
    private record Shape<E extends Enum<E>>(
            String command, String option, Class<E> choices, String defaultChoice, Body<E> body) {

        int run(CredsOptions credentials, String choice, PrintWriter out, PrintWriter err) {
            return body.run(credentials, Enum.valueOf(choices, choice == null ? defaultChoice : choice), out, err);
        }

        boolean allows(String choice) {
            for (E constant : choices.getEnumConstants()) {
                if (constant.name().equals(choice)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a command does once its line is read. */
    private interface Body<E> {
        int run(CredsOptions credentials, E choice, PrintWriter out, PrintWriter err);
    }

    private static final List<Shape<?>> SHAPES = List.of(
            new Shape<>(
                    CredsCommand.NAME,
                    CredsCommand.FORMAT,
                    CredsFormat.class,
                    CredsCommand.DEFAULT_FORMAT,
                    CredsCommand::print),
            new Shape<>(
                    WhoamiCommand.NAME,
                    WhoamiCommand.OUTPUT,
                    WhoamiCommand.WhoamiOutput.class,
                    WhoamiCommand.DEFAULT_OUTPUT,
                    WhoamiCommand::show));

    private final Shape<?> shape;
    private final CredsOptions credentials = new CredsOptions();
    private String choice;

    private PlainRun(Shape<?> shape) {
        this.shape = shape;
    }

    /**
     * Runs {@code args} here if they are a plain line; the exit code, or empty for a line picocli
     * must parse.
     */
    static Optional<Integer> run(PrintStream out, PrintStream err, String... args) {
        return parse(args)
                .map(run -> run.shape.run(
                        run.credentials, run.choice, new PrintWriter(out, true), new PrintWriter(err, true)));
    }

    static Optional<PlainRun> parse(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        Optional<Shape<?>> shape = SHAPES.stream()
                .filter(candidate -> candidate.command().equals(args[0]))
                .findFirst();
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        PlainRun run = new PlainRun(shape.get());
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!seen.add(name)) {
                return Optional.empty();
            }
            if (name.equals(CredsOptions.NO_CACHE) && equals < 0) {
                run.credentials.noCache = true;
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
            if (!run.set(name, value)) {
                return Optional.empty();
            }
        }
        return Optional.of(run);
    }

    /** The command's choice, as its enum constant's name: null when the line gives none. */
    String choice() {
        return choice;
    }

    CredsOptions credentials() {
        return credentials;
    }

    /** Sets option {@code name} to {@code value}; false when picocli must deal with either. */
    private boolean set(String name, String value) {
        if (name.equals(CredsOptions.PROFILE)) {
            credentials.profile = value;
        } else if (name.equals(CredsOptions.MFA_TOKEN)) {
            credentials.mfaToken = value;
        } else if (name.equals(shape.option()) && shape.allows(value)) {
            choice = value;
        } else {
            return false;
        }
        return true;
    }
}
