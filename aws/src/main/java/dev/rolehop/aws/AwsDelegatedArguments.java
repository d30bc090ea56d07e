package dev.rolehop.aws;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.engine.delegate.DelegatedArguments;
import dev.rolehop.engine.delegate.ModuleLocation;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * rolehop's credentials for the amazon.aws and community.aws modules it does not build in (run
 * through Ansible's code): a profile the task names ({@code profile:}, {@code aws_profile:}, or
 * {@code module_defaults: {group/aws: {profile: P}}}; else {@code AWS_DEFAULT_PROFILE}/{@code AWS_PROFILE})
 * is resolved by rolehop's resolver — role chains, MFA asked once per session and kept in the AWS
 * CLI's shared cache — and handed to the module as temporary keys, since boto3 inside a module can
 * neither ask for an MFA code nor read that cache. The profile's region goes along when the task
 * gives none, and {@code AWS_ENDPOINT_URL} as the endpoint (the botocore of ansible-core 2.14's
 * era does not read it), so the modules work against {@code rolehop local} too.
 *
 * <p>A task that gives keys itself is left alone. The keys are secrets: masked in every output,
 * and replaced in the module's result as Ansible's no_log replaces a secret.
 */
public final class AwsDelegatedArguments implements DelegatedArguments {

    private static final Set<String> COLLECTIONS = Set.of("amazon.aws", "community.aws");
    private static final List<String> PROFILE = List.of("profile", "aws_profile");
    private static final List<String> KEYS = List.of(
            "access_key",
            "aws_access_key_id",
            "aws_access_key",
            "ec2_access_key",
            "secret_key",
            "aws_secret_access_key",
            "aws_secret_key",
            "ec2_secret_key",
            "session_token",
            "aws_session_token",
            "security_token",
            "access_token",
            "aws_security_token");
    private static final List<String> REGION = List.of("region", "aws_region", "ec2_region");
    private static final List<String> ENDPOINT = List.of("endpoint_url", "aws_endpoint_url", "ec2_url", "s3_url");
    /** A session this close to its expiry is resolved again (the resolver refreshes it). */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final ResolverProfiles profiles = new ResolverProfiles();
    private final Map<List<Object>, AwsCredentials> resolved = new ConcurrentHashMap<>();

    @Override
    public boolean appliesTo(ModuleLocation module) {
        return (module.collection() != null && COLLECTIONS.contains(module.collection()))
                || module.actionGroups().contains("aws");
    }

    @Override
    public Handover adjust(ModuleLocation module, Map<String, Object> arguments, ModuleContext context) {
        Map<String, String> env = context.environment();
        if (KEYS.stream().anyMatch(k -> given(arguments.get(k)))) {
            return Handover.unchanged(arguments);
        }
        String argument = PROFILE.stream()
                .filter(k -> given(arguments.get(k)))
                .map(k -> String.valueOf(arguments.get(k)))
                .findFirst()
                .orElse(null);
        String profile = argument != null ? argument : firstEnv(env, "AWS_DEFAULT_PROFILE", "AWS_PROFILE");
        Map<String, Object> out = new LinkedHashMap<>(arguments);
        Set<String> secrets = new LinkedHashSet<>();
        Map<String, Object> shown = new LinkedHashMap<>();
        if (profile != null) {
            AwsCredentials credentials = credentials(profile, context);
            PROFILE.forEach(out::remove);
            out.put("aws_access_key", credentials.accessKeyId());
            out.put("aws_secret_key", credentials.secretAccessKey());
            secrets.add(credentials.accessKeyId());
            secrets.add(credentials.secretAccessKey());
            if (credentials.sessionToken() != null) {
                out.put("aws_session_token", credentials.sessionToken());
                secrets.add(credentials.sessionToken());
            }
            if (argument != null) {
                shown.put("profile", argument);
            }
            if (REGION.stream().noneMatch(k -> given(arguments.get(k)))
                    && firstEnv(env, "AWS_REGION", "AWS_DEFAULT_REGION", "EC2_REGION") == null) {
                try {
                    profiles.region(profile, context).ifPresent(region -> out.put("region", region));
                } catch (CredentialException e) {
                    // no region from the profile: the module says it needs one, as it would
                }
            }
        }
        if (ENDPOINT.stream().noneMatch(k -> given(arguments.get(k)))
                && firstEnv(env, "AWS_URL", "EC2_URL", "S3_URL") == null
                && !"true".equalsIgnoreCase(String.valueOf(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
            String endpoint = firstEnv(env, "AWS_ENDPOINT_URL");
            if (endpoint != null) {
                out.put("endpoint_url", endpoint);
            }
        }
        return new Handover(out, secrets, shown);
    }

    /** The profile's credentials, resolved once per run and again only near their expiry. */
    private AwsCredentials credentials(String profile, ModuleContext context) {
        List<Object> key = List.of(profile, Map.copyOf(context.environment()));
        AwsCredentials known = resolved.get(key);
        if (known != null
                && (known.expiration() == null
                        || known.expiration().isAfter(Instant.now().plus(MARGIN)))) {
            return known;
        }
        try {
            AwsCredentials fresh = profiles.credentials(profile, context);
            resolved.put(key, fresh);
            return fresh;
        } catch (CredentialException e) {
            // Its message names the profile, the cause and the fix (and never a secret).
            throw new ModuleFailure(e.getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof CredentialException cause) {
                throw new ModuleFailure(cause.getMessage());
            }
            throw new ModuleFailure(
                    "rolehop could not resolve the credentials of profile '" + profile + "': " + e.getMessage());
        }
    }

    private static boolean given(Object value) {
        return value != null && !String.valueOf(value).isEmpty();
    }

    private static String firstEnv(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
