package dev.rolehop.cli;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.ResolverOptions;
import dev.rolehop.creds.sso.SsoPortal;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rolehop sso logout}: signs out everywhere, as {@code aws sso logout} does. */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Sign out of IAM Identity Center everywhere, as 'aws sso logout' does: ends every cached sign-in "
                    + "with the portal's Logout, removes the tokens from ~/.aws/sso/cache and every cached "
                    + "Identity Center role credential from ~/.aws/cli/cache (other cached sessions stay)."
        })
final class SsoLogoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CredsFailure.run("sso logout", err, () -> {
            CredentialResolver resolver =
                    CredentialResolver.create(CredsOptions.reportingWarnings(ResolverOptions.defaults(), err));
            SsoPortal.SignOut done = new SsoPortal(resolver.ssoClients(null))
                    .signOutAll(resolver.ssoTokenCache(), resolver.credentialCache());
            out.println("Signed out: " + done.tokens() + " sign-in" + (done.tokens() == 1 ? "" : "s")
                    + " ended, " + done.roleCredentials() + " cached role credential"
                    + (done.roleCredentials() == 1 ? "" : "s") + " removed");
            out.flush();
            return ExitCode.OK;
        });
    }
}
