package dev.rolehop.aws.client;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.DeprecatedAlias;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.python.Booleans;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments every AWS module accepts and how they become {@link ConnectionSettings}: names,
 * aliases, environment fallbacks and the rules between them are those of amazon.aws 5.5
 * ({@code module_utils/modules.py} {@code aws_argument_spec} and {@code botocore.py}
 * {@code get_aws_connection_info}).
 */
public final class AwsArguments {

    static final String ACCESS_KEY = "access_key";
    static final String SECRET_KEY = "secret_key";
    static final String SESSION_TOKEN = "session_token";
    static final String PROFILE = "profile";
    static final String REGION = "region";
    static final String ENDPOINT_URL = "endpoint_url";
    static final String VALIDATE_CERTS = "validate_certs";
    static final String CA_BUNDLE = "aws_ca_bundle";
    static final String AWS_CONFIG = "aws_config";
    /** When true, results carry {@code resource_actions}: the {@code service:Operation} calls made. */
    public static final String DEBUG_LOGS = "debug_botocore_endpoint_logs";

    /** When amazon.aws 5.5 removes its deprecated aliases: in a release after this date. */
    private static final String ALIASES_REMOVED_AFTER = "2024-12-01";

    // As amazon.aws 5.5's module_utils/modules.py declares them, deprecated aliases included.
    private static final List<Argument> COMMON = List.of(
            Argument.of(ACCESS_KEY, ArgumentType.STR)
                    .withAliases("aws_access_key_id", "aws_access_key", "ec2_access_key")
                    .withDeprecatedAliases(deprecated("ec2_access_key")),
            Argument.of(SECRET_KEY, ArgumentType.STR)
                    .withAliases("aws_secret_access_key", "aws_secret_key", "ec2_secret_key")
                    .secret()
                    .withDeprecatedAliases(deprecated("ec2_secret_key")),
            Argument.of(SESSION_TOKEN, ArgumentType.STR)
                    .withAliases("aws_session_token", "security_token", "access_token", "aws_security_token")
                    .secret()
                    .withDeprecatedAliases(
                            deprecated("access_token"), deprecated("security_token"), deprecated("aws_security_token")),
            Argument.of(PROFILE, ArgumentType.STR).withAliases("aws_profile"),
            Argument.of(REGION, ArgumentType.STR)
                    .withAliases("aws_region", "ec2_region")
                    .withDeprecatedAliases(deprecated("ec2_region")),
            Argument.of(ENDPOINT_URL, ArgumentType.STR)
                    .withAliases("aws_endpoint_url", "ec2_url", "s3_url")
                    .withDeprecatedAliases(deprecated("ec2_url"), deprecated("s3_url")),
            Argument.of(VALIDATE_CERTS, ArgumentType.BOOL).withDefault(true),
            Argument.of(CA_BUNDLE, ArgumentType.PATH),
            Argument.of(AWS_CONFIG, ArgumentType.DICT),
            Argument.of(DEBUG_LOGS, ArgumentType.BOOL).withDefault(false));

    private AwsArguments() {}

    private static DeprecatedAlias deprecated(String alias) {
        return DeprecatedAlias.byDate(alias, ALIASES_REMOVED_AFTER, "amazon.aws");
    }

    /** A module's own spec extended with the common AWS arguments. */
    public static ArgumentSpec withCommon(ArgumentSpec own) {
        List<Argument> all = new ArrayList<>(own.arguments());
        all.addAll(COMMON);
        return own.withArguments(all);
    }

    /** Whether the task (or {@code ANSIBLE_DEBUG_BOTOCORE_LOGS}) asked for {@code resource_actions}. */
    public static boolean debugLogs(ModuleArgs args, Map<String, String> env) {
        if (args.get(DEBUG_LOGS) != null && args.bool(DEBUG_LOGS)) {
            return true;
        }
        String fallback = env.get("ANSIBLE_DEBUG_BOTOCORE_LOGS");
        return fallback != null && Booleans.lenient(fallback);
    }

    /**
     * Decides the connection settings of a task.
     *
     * @param args          the task's arguments
     * @param env           the task's environment
     * @param profileRegion the region a profile's config gives ({@code null} = default profile)
     * @throws ModuleFailure with amazon.aws's message when the arguments contradict each other
     */
    public static ConnectionSettings settings(
            ModuleArgs args,
            Map<String, String> env,
            java.util.function.Function<String, Optional<String>> profileRegion) {
        String accessKey = nonEmpty(args.string(ACCESS_KEY).orElse(null));
        String secretKey = nonEmpty(args.string(SECRET_KEY).orElse(null));
        String sessionToken = nonEmpty(args.string(SESSION_TOKEN).orElse(null));
        String profileArg = nonEmpty(args.string(PROFILE).orElse(null));
        String profile = profileArg;

        // Only read the profile environment variables if no credentials were passed as arguments.
        if (profile == null && accessKey == null && secretKey == null) {
            profile = firstEnv(env, "AWS_DEFAULT_PROFILE", "AWS_PROFILE");
        }
        if (profile != null && (accessKey != null || secretKey != null || sessionToken != null)) {
            throw new ModuleFailure("Passing both a profile and access tokens is not supported.");
        }
        if (accessKey == null) {
            accessKey = firstEnv(env, "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "EC2_ACCESS_KEY");
        }
        if (secretKey == null) {
            secretKey = firstEnv(env, "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "EC2_SECRET_KEY");
        }
        if (sessionToken == null) {
            sessionToken = firstEnv(env, "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "EC2_SECURITY_TOKEN");
        }

        CredentialSource credentials;
        if (profile != null) {
            credentials = new CredentialSource.NamedProfile(profile);
        } else if (accessKey != null && secretKey != null) {
            credentials = new CredentialSource.StaticKeys(accessKey, secretKey, sessionToken);
        } else if (accessKey != null) {
            throw new ModuleFailure("Partial credentials found in explicit, missing: aws_secret_access_key");
        } else if (secretKey != null) {
            throw new ModuleFailure("Partial credentials found in explicit, missing: aws_access_key_id");
        } else {
            credentials = new CredentialSource.NamedProfile(null);
        }

        String region = nonEmpty(args.string(REGION).orElse(null));
        if (region == null) {
            region = firstEnv(env, "AWS_REGION", "AWS_DEFAULT_REGION", "EC2_REGION");
        }
        if (region == null) {
            // botocore reads the region of the profile named by the task argument only (else AWS_PROFILE).
            region = profileRegion.apply(profileArg).orElse(null);
        }
        String endpoint = nonEmpty(args.string(ENDPOINT_URL).orElse(null));
        if (endpoint == null) {
            endpoint = firstEnv(env, "AWS_URL", "EC2_URL", "S3_URL");
        }
        String caBundle = args.string(CA_BUNDLE).orElse(firstEnv(env, "AWS_CA_BUNDLE"));
        return new ConnectionSettings(
                region,
                endpoint == null ? null : uri(endpoint),
                credentials,
                profile,
                args.get(VALIDATE_CERTS) == null || args.bool(VALIDATE_CERTS),
                caBundle == null ? null : Path.of(caBundle),
                args.dict(AWS_CONFIG));
    }

    private static URI uri(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(endpoint, "expected scheme://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ModuleFailure("Couldn't connect to AWS: Invalid endpoint: " + endpoint);
        }
    }

    private static String firstEnv(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = nonEmpty(env.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
