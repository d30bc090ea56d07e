package dev.rolehop.cli;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.MfaPrompt;
import dev.rolehop.creds.ResolverOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The credential options shared by {@code whoami}, {@code creds} and {@code exec}: which profile,
 * an MFA code, and whether to use the AWS CLI's cache.
 */
final class CredsOptions {

    static final String PROFILE = "--profile";
    static final String MFA_TOKEN = "--mfa-token";
    static final String NO_CACHE = "--no-cache";

    @Option(
            names = PROFILE,
            paramLabel = "PROFILE",
            description = "Profile to use (default: AWS_PROFILE, AWS_DEFAULT_PROFILE, else 'default'; "
                    + "without it, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY win when set).")
    String profile;

    @Option(
            names = MFA_TOKEN,
            paramLabel = "CODE",
            description = "MFA code for a role with mfa_serial (else ROLEHOP_MFA_TOKEN, mfa_process, or a prompt).")
    String mfaToken;

    @Option(names = NO_CACHE, description = "Neither read nor write assumed-role sessions in ~/.aws/cli/cache.")
    boolean noCache;

    /**
     * How an MFA code is asked for: on the terminal, unless a daemon runs the line for another
     * process ({@link DaemonMain}), which has none.
     */
    MfaPrompt prompt = MfaPrompt.terminal();

    /**
     * A resolver for this run: the process environment and terminal, with these options applied,
     * warnings to {@code err}.
     */
    CredentialResolver resolver(PrintWriter err) {
        return CredentialResolver.create(reportingWarnings(ResolverOptions.defaults(), err)
                .withPrompt(prompt)
                .withMfaToken(mfaToken)
                .withUseCache(!noCache));
    }

    /** The options with their warnings written to {@code err}, as {@code rolehop: warning: ...} lines. */
    static ResolverOptions reportingWarnings(ResolverOptions options, PrintWriter err) {
        return options.withWarnings(message -> {
            err.println("rolehop: warning: " + message);
            err.flush();
        });
    }
}
