package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code rolehop local token}: prints a web identity token signed by a local OIDC provider. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Print a web identity token (an RS256 JWT) signed by an OIDC provider of a local world, as a CI system"
                    + " or Kubernetes would issue it, for AssumeRoleWithWebIdentity against rolehop local.",
            "The token is a credential: write it to the file web_identity_token_file names "
                    + "(rolehop local token ... > token; chmod 600 token). Only providers whose keys_file holds "
                    + "a private key (as 'rolehop local init' writes it) can sign."
        })
final class LocalTokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorldFileOption worldFile;

    @Option(
            names = "--provider",
            required = true,
            paramLabel = "NAME",
            description = "The OIDC provider: its URL, its name (the URL without https://, e.g. ci.rolehop.test) "
                    + "or its ARN.")
    String provider;

    @Option(names = "--sub", required = true, paramLabel = "SUBJECT", description = "The token's subject (sub).")
    String subject;

    @Option(
            names = "--aud",
            paramLabel = "AUDIENCE",
            description = "The token's audience (aud); default: the provider's first client id.")
    String audience;

    @Option(
            names = "--expires-in",
            defaultValue = "1h",
            paramLabel = "DURATION",
            converter = LifetimeConverter.class,
            description = "How long the token is valid: N, Ns, Nm, Nh or Nd (default: ${DEFAULT-VALUE}); "
                    + "a negative one (-5m) makes a token that has expired already.")
    Duration lifetime;

    @Override
    public Integer call() {
        try {
            spec.commandLine()
                    .getOut()
                    .println(LocalAws.webIdentityToken(
                            worldFile.world, provider, subject, audience, lifetime, Instant.now()));
            return ExitCode.OK;
        } catch (RuntimeException e) {
            // WorldException: the world file (file:line), the provider or its keys; never the key itself.
            spec.commandLine().getErr().println("rolehop local token: " + e.getMessage());
            return ExitCode.ERROR;
        }
    }

    /** Reads {@code 90}, {@code 90s}, {@code 15m}, {@code 1h}, {@code 2d}, with an optional minus sign. */
    static final class LifetimeConverter implements ITypeConverter<Duration> {

        private static final Pattern FORM = Pattern.compile("(-?\\d{1,9})([smhd]?)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim());
            if (!m.matches()) {
                throw new TypeConversionException(
                        "'" + value + "' is not a duration; write N, Ns, Nm, Nh or Nd (e.g. 1h, 15m)");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }
}
