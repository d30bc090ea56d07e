package dev.rolehop.aws;

import dev.rolehop.aws.client.ProfileSource;
import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.ResolverOptions;
import dev.rolehop.engine.module.ModuleContext;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Profiles as the {@code creds} module resolves them (AWS CLI rules: role chains, MFA asked on
 * the task's terminal once and kept in the shared cache). One resolver per distinct task
 * environment, so a run that never changes its environment reads the config files once.
 */
final class ResolverProfiles implements ProfileSource {

    private final Map<Map<String, String>, CredentialResolver> resolvers = new ConcurrentHashMap<>();

    private CredentialResolver resolver(ModuleContext context) {
        return resolvers.computeIfAbsent(
                Map.copyOf(context.environment()),
                env -> CredentialResolver.create(withHome(ResolverOptions.defaults(), env)
                        .withEnvironment(env)
                        .withPrompt(text -> context.prompt(text, true))
                        .withWarnings(warning -> context.log(0, "[WARNING]: " + warning))));
    }

    /** The task's HOME (as the AWS CLI reads ~/.aws from it), else the JVM's user.home. */
    private static ResolverOptions withHome(ResolverOptions options, Map<String, String> env) {
        String home = env.get("HOME");
        return home == null || home.isBlank() ? options : options.withUserHome(java.nio.file.Path.of(home));
    }

    /**
     * The profile's credentials now, resolved as the AWS CLI resolves them (the shared cache first,
     * an MFA code asked for only when a role needs one and its session has run out).
     *
     * @throws dev.rolehop.creds.CredentialException with why and what to do
     */
    AwsCredentials credentials(String profile, ModuleContext context) {
        return resolver(context).resolve(profile);
    }

    @Override
    public AwsCredentialsProvider provider(String profile, ModuleContext context) {
        return resolver(context).provider(profile);
    }

    @Override
    public Optional<String> region(String profile, ModuleContext context) {
        return resolver(context).region(profile);
    }

    @Override
    public Optional<URI> endpointUrl(String profile, String service, ModuleContext context) {
        return resolver(context).endpointUrl(profile, service);
    }
}
