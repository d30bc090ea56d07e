package dev.rolehop.aws.client;

import dev.rolehop.engine.module.ModuleContext;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What the AWS config files say about a profile: its credentials (role chains and MFA
 * included), region and per-service endpoint. A profile of {@code null} means the default chain
 * ({@code AWS_PROFILE}, {@code AWS_DEFAULT_PROFILE}, then {@code default}). The task's context gives
 * the environment the files are found with, and the terminal an MFA code is asked on.
 */
public interface ProfileSource {

    /** A refreshing credentials provider for the profile; failures surface when credentials are first needed. */
    AwsCredentialsProvider provider(String profile, ModuleContext context);

    /** The profile's region, if the config or environment gives one. */
    Optional<String> region(String profile, ModuleContext context);

    /** The profile's endpoint for a service ({@code sts}, {@code ec2}, {@code iam}), if configured. */
    Optional<URI> endpointUrl(String profile, String service, ModuleContext context);
}
