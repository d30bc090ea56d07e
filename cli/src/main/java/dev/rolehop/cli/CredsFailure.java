package dev.rolehop.cli;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs the body of a credentials command and turns its failures into one line on standard error
 * and exit status 1: a {@link CredentialException}'s message (written to be shown), or an AWS
 * SDK error's message. Never a stack trace.
 */
final class CredsFailure {

    private CredsFailure() {}

    static int run(String command, PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (CredentialException e) {
            err.println("rolehop " + command + ": " + e.getMessage());
        } catch (SdkException e) {
            err.println("rolehop " + command + ": AWS call failed: " + e.getMessage());
        } catch (Exception e) {
            err.println("rolehop " + command + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        err.flush();
        return ExitCode.ERROR;
    }
}
