package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.sso.DeviceApproval;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rolehop local sso-approve}: approves (or denies) a pending IAM Identity Center sign-in on a
 * running rolehop local, as a user does on its verification page.
 */
@Command(
        name = "sso-approve",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Approve a pending IAM Identity Center sign-in (rolehop sso login, aws sso login) on a running "
                    + "rolehop local as one of its world's Identity Center users, as its verification page "
                    + "(http://HOST:PORT/device) does. For scripts and tests."
        })
final class LocalSsoApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "The code the sign-in printed, e.g. ABCD-EFGH.")
    String code;

    @Option(names = "--user", paramLabel = "USER", description = "The Identity Center user who signs in.")
    String user;

    @Option(names = "--deny", description = "Deny the sign-in instead (its CreateToken then answers AccessDenied).")
    boolean deny;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The rolehop local (default: AWS_ENDPOINT_URL).")
    String endpoint;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = endpoint != null ? endpoint : System.getenv("AWS_ENDPOINT_URL");
        if (url == null || url.isBlank()) {
            err.println("rolehop local sso-approve: no rolehop local named; pass --endpoint http://127.0.0.1:PORT"
                    + " (what 'rolehop local' printed) or set AWS_ENDPOINT_URL");
            return ExitCode.USAGE;
        }
        if (!deny && (user == null || user.isBlank())) {
            err.println("rolehop local sso-approve: name the user who signs in with --user USER (or use --deny)");
            return ExitCode.USAGE;
        }
        try {
            out.println(DeviceApproval.decide(URI.create(url.strip()), code, user, !deny));
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            err.println("rolehop local sso-approve: " + e.getMessage());
        } catch (IOException e) {
            err.println("rolehop local sso-approve: cannot reach rolehop local at " + url + " (" + e.getMessage()
                    + "); is it running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rolehop local sso-approve: interrupted");
        }
        return ExitCode.ERROR;
    }
}
