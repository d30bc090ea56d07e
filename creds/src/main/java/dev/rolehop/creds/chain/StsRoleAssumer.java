package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.AssumedRole;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.StsResponse;

/**
 * Calls STS AssumeRole for one role hop, and GetSessionToken for an MFA session, through the SDK's
 * {@link StsClient}, at the resolved STS endpoint.
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
     * @param tokenCode the MFA code, or {@code null} when none is sent (no {@code mfa_serial}, or
     *     the source is an MFA session standing for it)
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
        return call(what, source, tokenCode, sts -> {
            AssumeRoleResponse response = sts.assumeRole(request.build());
            return assumedRole(response, response.credentials(), response.assumedRoleUser());
        });
    }

    /**
     * Makes {@code session}'s MFA session (GetSessionToken) with the user's long-term keys.
     *
     * @throws MfaRejectedException when STS refuses the MFA code
     * @throws CredentialException on any other failure, with AWS's code and message
     */
    public AssumedRole sessionToken(AwsCredentials source, MfaSession session, String tokenCode) {
        GetSessionTokenRequest request = GetSessionTokenRequest.builder()
                .serialNumber(session.mfaSerial())
                .tokenCode(tokenCode)
                .durationSeconds(session.durationSeconds())
                .build();
        String what = "profile '" + session.profile() + "': GetSessionToken (the MFA session of "
                + session.accessKeyId() + ")";
        return call(what, source, tokenCode, sts -> {
            GetSessionTokenResponse response = sts.getSessionToken(request);
            return assumedRole(response, response.credentials(), null);
        });
    }

    /**
     * Assumes {@code identity}'s role with a web identity token: STS AssumeRoleWithWebIdentity,
     * unsigned (the token is the credential).
     *
     * @throws CredentialException on a failure, with AWS's code and message (InvalidIdentityToken,
     *     ExpiredTokenException, AccessDenied, ...)
     */
    public AssumedRole assumeWithWebIdentity(CredentialSource.WebIdentity identity, String token, String sessionName) {
        AssumeRoleWithWebIdentityRequest request = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(identity.roleArn())
                .roleSessionName(sessionName)
                .webIdentityToken(token)
                .build();
        String what =
                (identity.profile().equals("environment") ? "environment" : "profile '" + identity.profile() + "'")
                        + ": AssumeRoleWithWebIdentity of " + identity.roleArn();
        return callUnsigned(what, sts -> {
            AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(request);
            return assumedRole(response, response.credentials(), response.assumedRoleUser());
        });
    }

    private AssumedRole callUnsigned(String what, Function<StsClient, AssumedRole> body) {
        try {
            return call(what, AnonymousCredentialsProvider.create(), true, body);
        } catch (StsException e) {
            throw new CredentialException(what + " failed: " + errorCode(e) + ": " + errorMessage(e), e);
        }
    }

    private static String errorCode(StsException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String errorMessage(StsException e) {
        return e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
    }

    private AssumedRole call(
            String what, AwsCredentials source, String tokenCode, Function<StsClient, AssumedRole> body) {
        try {
            return call(what, StsClients.fixed(source), tokenCode == null, body);
        } catch (StsException e) {
            String code = errorCode(e);
            String message = errorMessage(e);
            if (tokenCode != null
                    && "AccessDenied".equals(code)
                    && message != null
                    && message.contains("MultiFactorAuthentication")) {
                throw new MfaRejectedException(message);
            }
            throw new CredentialException(what + " failed: " + code + ": " + message, e);
        }
    }

    /** Makes the call; an STS error is rethrown for the caller to read, any other failure is explained. */
    private AssumedRole call(
            String what, AwsCredentialsProvider credentials, boolean retries, Function<StsClient, AssumedRole> body) {
        try (StsClient sts = StsClients.create(credentials, endpoint, region, retries)) {
            return body.apply(sts);
        } catch (StsException e) {
            throw e;
        } catch (SdkClientException e) {
            throw new CredentialException(
                    what + " could not reach STS at "
                            + endpoint.map(URI::toString).orElse("AWS (region " + region + ")") + ": " + e.getMessage()
                            + "; check the endpoint URL and the network",
                    e);
        }
    }

    /** The session an STS answer gives ({@code user} is null for GetSessionToken: no role). */
    private static AssumedRole assumedRole(StsResponse response, Credentials credentials, AssumedRoleUser user) {
        return new AssumedRole(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials.sessionToken(),
                credentials.expiration(),
                user == null ? null : user.assumedRoleId(),
                user == null ? null : user.arn(),
                response.responseMetadata().requestId(),
                headers(response.sdkHttpResponse().headers()));
    }

    private static Map<String, String> headers(Map<String, List<String>> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        return headers;
    }
}
