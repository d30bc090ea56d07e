package dev.rolehop.creds.http;

/**
 * Keeps the AWS SDK from resolving endpoint URLs itself. rolehop resolves them once, as the AWS CLI
 * does ({@code ServiceEndpoints}: from the environment a task or command runs with, and the profile),
 * and passes the result as the client's endpoint override. The SDK's own resolution would read the
 * process's {@code AWS_ENDPOINT_URL*} and {@code ~/.aws/config} again, and fails with a
 * NullPointerException on an empty {@code AWS_ENDPOINT_URL}, which the AWS CLI ignores.
 */
public final class SdkEndpoints {

    /** The SDK's system property for {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}. */
    private static final String IGNORE_CONFIGURED_ENDPOINT_URLS = "aws.ignoreConfiguredEndpointUrls";

    private SdkEndpoints() {}

    /** Called before an SDK client is built: from then on only its endpoint override counts. */
    public static void resolvedByRolehop() {
        System.setProperty(IGNORE_CONFIGURED_ENDPOINT_URLS, "true");
    }
}
