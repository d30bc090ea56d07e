package dev.rolehop.cli;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.ResolverOptions;
import dev.rolehop.creds.sso.SsoConfig;
import dev.rolehop.creds.sso.SsoDeviceFlow;
import dev.rolehop.creds.sso.SsoToken;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rolehop sso login}: the OAuth device authorization flow against IAM Identity Center, as
 * {@code aws sso login} runs it, caching the token where the AWS CLI does.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Sign in to IAM Identity Center for a profile (its sso_session, or legacy sso_start_url) or an "
                    + "sso-session: prints the verification URL and code on stderr, opens a browser (unless "
                    + "--no-browser or there is no display), waits for the approval, and caches the token in "
                    + "~/.aws/sso/cache (0600) where the AWS CLI finds it too."
        })
final class SsoLoginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(
                names = "--profile",
                paramLabel = "PROFILE",
                description = "Sign in for this profile (default: AWS_PROFILE, AWS_DEFAULT_PROFILE, else 'default').")
        String profile;

        @Option(
                names = "--sso-session",
                paramLabel = "NAME",
                description = "Sign in for this [sso-session NAME] section.")
        String session;
    }

    @ArgGroup(exclusive = true)
    Target target = new Target();

    @Option(names = "--no-browser", description = "Do not open a browser; only print the URL and the code.")
    boolean noBrowser;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CredsFailure.run("sso login", err, () -> {
            CredentialResolver resolver =
                    CredentialResolver.create(CredsOptions.reportingWarnings(ResolverOptions.defaults(), err));
            SsoConfig config = target.session != null
                    ? resolver.ssoConfigOfSession(target.session)
                    : resolver.ssoConfigOfProfile(target.profile);
            SsoDeviceFlow flow = new SsoDeviceFlow(
                    resolver.ssoTokenCache(),
                    resolver.ssoClients(target.profile),
                    Clock.systemUTC(),
                    seconds -> Thread.sleep(seconds * 1000L));
            SsoToken token = flow.signIn(config, (uri, code, complete) -> {
                boolean opened = !noBrowser && Browser.open(complete, System.getenv());
                err.println(
                        opened
                                ? "Attempting to open the IAM Identity Center authorization page in your browser."
                                        + "\nIf it does not open, or to authorize on another device, open:"
                                : "Open this URL (on any device) to authorize the sign-in:");
                err.println("\n" + uri + "\n\nThen enter the code:\n\n" + code + "\n");
                err.println("(or open " + complete + ")");
                err.flush();
            });
            out.println("Successfully logged into Start URL: " + token.startUrl());
            out.flush();
            return ExitCode.OK;
        });
    }
}
