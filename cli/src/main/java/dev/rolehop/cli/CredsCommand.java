package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rolehop creds}: prints a profile's resolved credentials for another program, or clears
 * the profile's cached sessions. The only command that prints secrets, and only on standard
 * output.
 */
@Command(
        name = CredsCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Print a profile's credentials (assuming roles and asking for MFA as needed).",
            "--format process is the credential_process format, so any AWS tool can use rolehop:",
            "  credential_process = rolehop creds --profile lab --format process"
        })
final class CredsCommand implements Callable<Integer> {

    static final String NAME = "creds";
    static final String FORMAT = "--format";
    static final String DEFAULT_FORMAT = "env";

    @Spec
    CommandSpec spec;

    @Mixin
    CredsOptions credentials;

    @Option(
            names = FORMAT,
            paramLabel = "env|json|process",
            defaultValue = DEFAULT_FORMAT,
            description = "env: shell export lines (default); json: the credentials as JSON; "
                    + "process: credential_process Version 1 JSON.")
    CredsFormat format;

    @Option(
            names = "--clear",
            description = "Remove the cached sessions of every role in the profile's chain instead of printing.")
    boolean clear;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!clear) {
            return print(credentials, format, out, err);
        }
        return CredsFailure.run(NAME, err, () -> {
            CredentialResolver resolver = credentials.resolver(err);
            int removed = resolver.clearCache(credentials.profile);
            err.println("rolehop creds: removed " + removed + " cached session" + (removed == 1 ? "" : "s")
                    + " of profile " + resolver.profileName(credentials.profile) + " from "
                    + resolver.cacheDirectory());
            err.flush();
            return ExitCode.OK;
        });
    }

    /** Prints the credentials of {@code credentials}' profile in {@code format}; the exit code. */
    static int print(CredsOptions credentials, CredsFormat format, PrintWriter out, PrintWriter err) {
        return CredsFailure.run(NAME, err, () -> {
            CredentialResolver resolver = credentials.resolver(err);
            AwsCredentials resolved = resolver.resolve(credentials.profile);
            out.print(
                    format.render(resolved, resolver.region(credentials.profile).orElse(null)));
            out.flush();
            return ExitCode.OK;
        });
    }
}
