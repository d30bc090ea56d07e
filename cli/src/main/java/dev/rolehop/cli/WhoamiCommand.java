package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.chain.StsClients;
import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.python.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@code rolehop whoami}: who the resolved credentials are, by STS GetCallerIdentity. */
@Command(
        name = WhoamiCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Show the account, ARN and user id of a profile's credentials (STS GetCallerIdentity), "
                + "where the credentials came from and when they expire.")
final class WhoamiCommand implements Callable<Integer> {

    static final String NAME = "whoami";
    static final String OUTPUT = "--output";
    static final String DEFAULT_OUTPUT = "text";

    @Spec
    CommandSpec spec;

    @Mixin
    CredsOptions credentials;

    @Option(
            names = OUTPUT,
            paramLabel = "text|json",
            defaultValue = DEFAULT_OUTPUT,
            description = "Output format: text (default) or json.")
    WhoamiOutput output;

    @Override
    public Integer call() {
        return show(
                credentials,
                output,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Shows who {@code credentials}' profile is, in {@code output}; the exit code. */
    static int show(CredsOptions credentials, WhoamiOutput output, PrintWriter out, PrintWriter err) {
        return CredsFailure.run(NAME, err, () -> {
            CredentialResolver resolver = credentials.resolver(err);
            AwsCredentials resolved = resolver.resolve(credentials.profile);
            GetCallerIdentityResponse identity;
            try (StsClient sts = StsClients.create(
                    StsClients.fixed(resolved),
                    resolver.endpointUrl(credentials.profile, "sts"),
                    resolver.region(credentials.profile).orElse(CredentialResolver.DEFAULT_STS_REGION),
                    true)) {
                identity = sts.getCallerIdentity();
            }
            if (resolved.accountId() != null && !resolved.accountId().equals(identity.account())) {
                err.println("rolehop: warning: " + resolved.source()
                        + ": the credentials are said to belong to account "
                        + resolved.accountId() + " (aws_account_id, AWS_ACCOUNT_ID or a credential_process AccountId)"
                        + " but STS says " + identity.account() + "; correct the setting, SDKs use it to route"
                        + " requests");
                err.flush();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Account", identity.account());
            fields.put("Arn", identity.arn());
            fields.put("UserId", identity.userId());
            fields.put("Source", resolved.source());
            fields.put(
                    "Expiration",
                    resolved.expiration() == null ? null : resolved.expiration().toString());
            output.print(out, fields, resolved.expiration());
            out.flush();
            return ExitCode.OK;
        });
    }

    /** The two output formats. */
    enum WhoamiOutput {
        text,
        json;

        void print(PrintWriter out, Map<String, Object> fields, Instant expiration) {
            if (this == json) {
                out.println(Json.dumps().indent(2).write(fields));
                return;
            }
            fields.forEach((name, value) -> {
                if (name.equals("Expiration")) {
                    value = expiration == null
                            ? "never (long-term keys)"
                            : expiration + " (in "
                                    + Duration.between(Instant.now(), expiration)
                                            .toMinutes() + " min)";
                }
                out.printf("%-11s %s%n", name + ":", value);
            });
        }
    }
}
