package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rolehop console}: signs a profile in to the AWS console through the federation endpoint. */
@Command(
        name = ConsoleCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Open the AWS console signed in as a profile (role chains and MFA as for every command): its role "
                    + "session's credentials, or for an IAM user's long-term keys a federated user's from "
                    + "GetFederationToken with an allow-all session policy (the user's own policies apply), are "
                    + "exchanged for a sign-in token at the federation endpoint (rolehop local's /federation "
                    + "when an endpoint is configured).",
            "The login URL signs in for 15 minutes: it is printed only with --print, or when no browser can "
                    + "be opened."
        })
final class ConsoleCommand implements Callable<Integer> {

    static final String NAME = "console";
    private static final int MIN_DURATION = 900;
    private static final int MAX_CONSOLE_DURATION = 43200;
    private static final int MAX_FEDERATION_DURATION = 129600;

    @Spec
    CommandSpec spec;

    @Mixin
    CredsOptions credentials;

    @Option(names = "--print", description = "Print the login URL on standard output instead of opening a browser.")
    boolean print;

    @Option(
            names = "--destination",
            paramLabel = "URL",
            description = "The console page to land on (default: the console home of the profile's region, or "
                    + "rolehop local's /console page).")
    String destination;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "How long the console session lasts: a role session's SessionDuration (900-43200; at "
                    + "most 3600 for a chained role), or a federated user's DurationSeconds (900-129600, default "
                    + "3600). Default for a role: as long as its credentials.")
    Integer duration;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (duration != null && (duration < MIN_DURATION || duration > MAX_FEDERATION_DURATION)) {
            err.println("rolehop console: --duration must be " + MIN_DURATION + " to " + MAX_FEDERATION_DURATION
                    + " seconds (at most " + MAX_CONSOLE_DURATION + " for a role session), not " + duration);
            err.flush();
            return ExitCode.USAGE;
        }
        return CredsFailure.run(NAME, err, () -> {
            CredentialResolver resolver = credentials.resolver(err);
            String profile = resolver.profileName(credentials.profile);
            String url;
            try {
                url = loginUrl(resolver, profile);
            } catch (CredentialException e) {
                throw e.getMessage().startsWith("profile '")
                        ? e
                        : new CredentialException("profile '" + profile + "': " + e.getMessage(), e);
            }
            if (print || !Browser.open(url, System.getenv())) {
                if (!print) {
                    err.println("rolehop console: no browser to open; sign in with this URL within 15 minutes"
                            + " (it is a secret: anyone holding it signs in as profile '" + profile + "'):");
                    err.flush();
                }
                out.println(url);
                out.flush();
            } else {
                err.println("Opened the AWS console for profile '" + profile + "' in your browser.");
                err.flush();
            }
            return ExitCode.OK;
        });
    }

    private String loginUrl(CredentialResolver resolver, String profile) {
        AwsCredentials resolved = resolver.resolve(profile);
        String region = resolver.region(profile).orElse(null);
        Optional<URI> stsEndpoint = resolver.endpointUrl(profile, "sts");
        ConsoleSignIn.Target target = ConsoleSignIn.Target.of(stsEndpoint, region);
        String landing = destination != null ? destination : target.destination();
        if (resolved.sessionToken() == null) {
            if (duration != null && duration > MAX_FEDERATION_DURATION) {
                throw new CredentialException("--duration is at most " + MAX_FEDERATION_DURATION);
            }
            AwsCredentials federated = ConsoleSignIn.federate(
                    resolved,
                    stsEndpoint,
                    region == null ? CredentialResolver.DEFAULT_STS_REGION : region,
                    duration == null ? 3600 : duration);
            return ConsoleSignIn.loginUrl(federated, target, landing, null);
        }
        List<ChainStep> chain;
        try {
            chain = resolver.explain(profile);
        } catch (CredentialException fromEnvironment) {
            chain = List.of(); // AWS_* variables won over a profile that does not exist
        }
        if (!chain.isEmpty() && chain.get(chain.size() - 1) instanceof ChainStep.GetSessionToken) {
            throw new CredentialException("its credentials come from GetSessionToken (mfa_serial on a user's"
                    + " profile), which AWS does not let sign in to the console; use a role profile, or a profile"
                    + " with the user's keys and no mfa_serial");
        }
        if (duration != null && duration > MAX_CONSOLE_DURATION) {
            throw new CredentialException(
                    "--duration is at most " + MAX_CONSOLE_DURATION + " for a role session, not " + duration);
        }
        return ConsoleSignIn.loginUrl(resolved, target, landing, duration);
    }
}
