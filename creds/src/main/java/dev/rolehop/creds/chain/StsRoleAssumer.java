package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.AssumedRole;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Calls STS AssumeRole for one role hop through the SDK's {@link StsClient}, at the resolved STS
 * endpoint.
 */
public final class StsRoleAssumer {

    private final Optional<URI> endpoint;
    private final String region;

    /**
     * @param endpoint the STS endpoint URL, or empty for AWS's
     * @param region the signing region
     */
    public StsRoleAssumer(Optional<URI> endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /**
     * Assumes {@code hop}'s role with {@code source}.
     *
     * @param sessionName the RoleSessionName to send
     * @param tokenCode the MFA code, or {@code null} when the hop has no {@code mfa_serial}
     * @throws MfaRejectedException when STS refuses the MFA code
     * @throws CredentialException on any other failure, with AWS's code and message
     */
    public AssumedRole assume(AwsCredentials source, RoleHop hop, String sessionName, String tokenCode) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(hop.roleArn())
                .roleSessionName(sessionName)
                .externalId(hop.externalId())
                .durationSeconds(hop.durationSeconds());
        if (tokenCode != null) {
            request.serialNumber(hop.mfaSerial()).tokenCode(tokenCode);
        }
        String what = "profile '" + hop.profile() + "': AssumeRole of " + hop.roleArn();
        try (StsClient sts = StsClients.create(StsClients.fixed(source), endpoint, region, tokenCode == null)) {
            AssumeRoleResponse response = sts.assumeRole(request.build());
            Map<String, String> headers = new LinkedHashMap<>();
            response.sdkHttpResponse()
                    .headers()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return new AssumedRole(
                    response.credentials().accessKeyId(),
                    response.credentials().secretAccessKey(),
                    response.credentials().sessionToken(),
                    response.credentials().expiration(),
                    response.assumedRoleUser() == null
                            ? null
                            : response.assumedRoleUser().assumedRoleId(),
                    response.assumedRoleUser() == null
                            ? null
                            : response.assumedRoleUser().arn(),
                    response.responseMetadata().requestId(),
                    headers);
        } catch (StsException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            if (tokenCode != null
                    && "AccessDenied".equals(code)
                    && message != null
                    && message.contains("MultiFactorAuthentication")) {
                throw new MfaRejectedException(message);
            }
            throw new CredentialException(what + " failed: " + code + ": " + message, e);
        } catch (SdkClientException e) {
            throw new CredentialException(
                    what + " could not reach STS at "
                            + endpoint.map(URI::toString).orElse("AWS (region " + region + ")") + ": " + e.getMessage()
                            + "; check the endpoint URL and the network",
                    e);
        }
    }
}
