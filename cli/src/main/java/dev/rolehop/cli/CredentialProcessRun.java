package dev.rolehop.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code rolehop creds} run of the plain shape a {@code credential_process} line has
 * ({@code creds --profile P --format process}, in any order, with {@code --mfa-token} and
 * {@code --no-cache}), answered without picocli. Every AWS CLI or SDK process that uses such a
 * profile waits for this run, and building picocli's command model from its annotations costs
 * more than reading a cached session. Anything else on the line (help, another option, a repeated
 * or dangling one, a value that looks like an option, an unknown format) is left to picocli, which
 * parses it, explains its errors and runs {@link CredsCommand} itself: both paths print through
 * {@link CredsCommand#print}, so they answer alike.
 */
final class CredentialProcessRun {

    private final CredsOptions credentials = new CredsOptions();
    private CredsFormat format = CredsFormat.env;

    private CredentialProcessRun() {}

    /**
     * Runs {@code args} here if they are a plain {@code creds} line; the exit code, or empty for
     * a line picocli must parse.
     */
    static Optional<Integer> run(PrintStream out, PrintStream err, String... args) {
        return parse(args)
                .map(run -> CredsCommand.print(
                        run.credentials, run.format, new PrintWriter(out, true), new PrintWriter(err, true)));
    }

    static Optional<CredentialProcessRun> parse(String... args) {
        if (args.length == 0 || !args[0].equals(CredsCommand.NAME)) {
            return Optional.empty();
        }
        CredentialProcessRun run = new CredentialProcessRun();
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

    /** Sets option {@code name} to {@code value}; false when picocli must deal with either. */
    private boolean set(String name, String value) {
        switch (name) {
            case CredsOptions.PROFILE -> credentials.profile = value;
            case CredsOptions.MFA_TOKEN -> credentials.mfaToken = value;
            case CredsCommand.FORMAT -> {
                for (CredsFormat candidate : CredsFormat.values()) {
                    if (candidate.name().equals(value)) {
                        format = candidate;
                        return true;
                    }
                }
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
