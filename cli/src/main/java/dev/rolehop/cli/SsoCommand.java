package dev.rolehop.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rolehop sso}: signs in to and out of IAM Identity Center, sharing the AWS CLI's caches. */
@Command(
        name = "sso",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Sign in to IAM Identity Center (AWS SSO) and out again. The token is cached in ~/.aws/sso/cache "
                    + "as the AWS CLI caches it, so a sign-in by either serves both."
        },
        subcommands = {SsoLoginCommand.class, SsoLogoutCommand.class})
final class SsoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
