package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.chain.StsClients;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A console sign-in URL for resolved credentials, as AWS's "custom identity broker" builds one
 * (and aws-vault's {@code login}): long-term IAM user keys are first exchanged for a federated
 * user's credentials by GetFederationToken with an allow-all session policy (so the user's own
 * policies decide), then the federation endpoint's getSigninToken turns the temporary
 * credentials into a sign-in token, and the login URL carries it. The URL is a secret: it signs
 * in for 15 minutes.
 *
 * <p>The federation endpoint is that of the STS endpoint's origin when one is configured
 * ({@code rolehop local} serves {@code /federation} and a {@code /console} page), else AWS's for
 * the region's partition: {@code signin.amazonaws.cn} for {@code cn-*},
 * {@code signin.amazonaws-us-gov.com} for {@code us-gov-*}, {@code signin.aws.amazon.com} otherwise.
 */
final class ConsoleSignIn {

    /** AWS's session policy that leaves the user's own policies in force. */
    static final String ALLOW_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /** Where the sign-in goes: the federation endpoint and the default console page. */
    record Target(URI federation, String destination) {

        /** The target for a configured STS endpoint, else for AWS in {@code region}'s partition. */
        static Target of(Optional<URI> endpoint, String region) {
            if (endpoint.isPresent()) {
                URI origin = endpoint.get().resolve("/");
                return new Target(
                        origin.resolve("/federation"),
                        origin.resolve("/console").toString());
            }
            String signin = "signin.aws.amazon.com";
            String console = "console.aws.amazon.com";
            if (region != null && region.startsWith("cn-")) {
                signin = "signin.amazonaws.cn";
                console = "console.amazonaws.cn";
            } else if (region != null && region.startsWith("us-gov-")) {
                signin = "signin.amazonaws-us-gov.com";
                console = "console.amazonaws-us-gov.com";
            }
            String destination = region == null
                    ? "https://" + console + "/"
                    : "https://" + region + "." + console + "/console/home?region=" + region;
            return new Target(URI.create("https://" + signin + "/federation"), destination);
        }
    }

    private ConsoleSignIn() {}

    /** The federated user's name GetFederationToken gets: the IAM user's, cut to AWS's 32 characters. */
    static String federatedName(String callerArn) {
        String name = callerArn.substring(callerArn.lastIndexOf('/') + 1).replaceAll("[^\\w+=,.@-]", "-");
        name = name.length() > 32 ? name.substring(0, 32) : name;
        return name.length() < 2 ? "rolehop" : name;
    }

    /** GetFederationToken for long-term keys: the federated user's temporary credentials. */
    static AwsCredentials federate(AwsCredentials keys, Optional<URI> endpoint, String region, Integer duration) {
        try (StsClient sts = StsClients.create(StsClients.fixed(keys), endpoint, region, true)) {
            String name = federatedName(sts.getCallerIdentity().arn());
            var c = sts.getFederationToken(b -> b.name(name).policy(ALLOW_ALL).durationSeconds(duration))
                    .credentials();
            return new AwsCredentials(
                    c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration(), keys.source());
        }
    }

    /**
     * The login URL for temporary credentials.
     *
     * @param sessionDuration the console session's seconds (role sessions only), or null
     */
    static String loginUrl(AwsCredentials temporary, Target target, String destination, Integer sessionDuration) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionId", temporary.accessKeyId());
        session.put("sessionKey", temporary.secretAccessKey());
        session.put("sessionToken", temporary.sessionToken());
        String query = "Action=getSigninToken"
                + (sessionDuration == null ? "" : "&SessionDuration=" + sessionDuration)
                + "&Session=" + encode(Json.dumps(session));
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(target.federation() + "?" + query))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CredentialException(
                    "cannot reach the federation endpoint " + target.federation() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("interrupted while asking " + target.federation() + " for a sign-in token");
        }
        String token = signinToken(response.body());
        if (response.statusCode() != 200 || token == null) {
            String reason = response.body().lines().findFirst().orElse("").strip();
            throw new CredentialException("the federation endpoint " + target.federation()
                    + " refused the credentials (HTTP " + response.statusCode()
                    + (reason.isEmpty() || reason.startsWith("<") ? "" : ": " + reason) + ")");
        }
        return target.federation() + "?Action=login&Issuer=rolehop&Destination=" + encode(destination) + "&SigninToken="
                + encode(token);
    }

    private static String signinToken(String body) {
        try {
            return Json.loads(body) instanceof Map<?, ?> map && map.get("SigninToken") instanceof String token
                    ? token
                    : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
