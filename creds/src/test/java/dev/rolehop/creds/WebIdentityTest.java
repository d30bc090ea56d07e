package dev.rolehop.creds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web identity (AssumeRoleWithWebIdentity) from the environment and from profiles, against a stub
 * STS that records each request as it arrives on the wire: unsigned, with the token read from the
 * file, cached under botocore's key.
 */
class WebIdentityTest {

    private static final String ROLE = "arn:aws:iam::222222222222:role/ci-deploy";
    /** botocore 1.29.27's AssumeRoleWithWebIdentityCredentialFetcher._create_cache_key() for ROLE. */
    private static final String BOTOCORE_KEY = "f21af25f34172d318a8a4a3bf5ba8c61ee8fc26f";
    /** The same with RoleSessionName gha-42 configured. */
    private static final String BOTOCORE_KEY_WITH_NAME = "37d31386cf99cc5735e9488f64e4070c93b59704";

    @TempDir
    Path dir;

    private HttpServer stub;
    private final List<Map<String, String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private volatile String answer;
    private final Map<String, String> env = new HashMap<>();
    private Path home;
    private Path token;

    @BeforeEach
    void start() throws IOException {
        answer = success();
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            calls.add(params);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(answer.contains("<ErrorResponse") ? 400 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        stub.start();
        home = Files.createDirectories(dir.resolve("home"));
        token = Files.writeString(dir.resolve("token.jwt"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln\n");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + stub.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private static String success() {
        String expiry = Instant.now()
                .plus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>ci</SubjectFromWebIdentityToken>"
                + "<Audience>sts.amazonaws.com</Audience>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/ci-deploy/s</Arn>"
                + "<AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>"
                + "<Credentials><SessionToken>stub-token</SessionToken><SecretAccessKey>stub-secret</SecretAccessKey>"
                + "<Expiration>" + expiry + "</Expiration><AccessKeyId>ASIASTUBWEBIDENTITY1</AccessKeyId></Credentials>"
                + "<Provider>https://oidc.example</Provider></AssumeRoleWithWebIdentityResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                + "</AssumeRoleWithWebIdentityResponse>";
    }

    private CredentialResolver resolver() {
        return CredentialResolver.create(new ResolverOptions(
                env, home, Optional.empty(), MfaPrompt.none(), true, Clock.systemUTC(), warning -> {}));
    }

    private Path entry(String key) {
        return home.resolve(".aws/cli/cache/" + key + ".json");
    }

    @Test
    void theEnvironmentsTokenFileAndRoleAssumeTheRoleUnsignedAndCacheItUnderBotocoresKey() throws IOException {
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_ARN", ROLE);

        AwsCredentials first = resolver().resolve(null);
        AwsCredentials second = resolver().resolve(null);

        assertThat(first.accessKeyId()).isEqualTo("ASIASTUBWEBIDENTITY1");
        assertThat(first.accountId()).isEqualTo("222222222222");
        assertThat(first.source()).isEqualTo("environment: web identity role " + ROLE + " (AssumeRoleWithWebIdentity)");
        assertThat(second.source())
                .isEqualTo("environment: web identity role " + ROLE + " (cache " + entry(BOTOCORE_KEY) + ")");
        assertThat(calls).hasSize(1);
        assertThat(authorizations).containsExactly("null");
        assertThat(calls.get(0))
                .containsEntry("Action", "AssumeRoleWithWebIdentity")
                .containsEntry("RoleArn", ROLE)
                .containsEntry("WebIdentityToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")
                .doesNotContainKey("DurationSeconds");
        assertThat(calls.get(0).get("RoleSessionName")).startsWith("rolehop-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry(BOTOCORE_KEY))))
                .isEqualTo("rw-------");
        assertThat(first.toString()).doesNotContain("stub-secret").doesNotContain("stub-token");
    }

    @Test
    void aProfileWithRoleArnAndTokenFileIsAWebIdentityAndCanSourceARole() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(
                home.resolve(".aws/config"),
                "[profile ci]\nrole_arn = " + ROLE + "\nweb_identity_token_file = " + token
                        + "\nrole_session_name = gha-42\n"
                        + "[profile after]\nrole_arn = arn:aws:iam::333333333333:role/next\nsource_profile = ci\n");

        AwsCredentials ci = resolver().resolve("ci");

        assertThat(ci.source()).isEqualTo("profile ci: web identity role " + ROLE + " (AssumeRoleWithWebIdentity)");
        assertThat(calls.get(0)).containsEntry("RoleSessionName", "gha-42");
        assertThat(entry(BOTOCORE_KEY_WITH_NAME)).exists();
        assertThat(resolver().explain("after").stream().map(ChainStep::toJson))
                .containsExactly(
                        "{\"WebIdentityToken\": {\"role_arn\": \"" + ROLE + "\", \"web_identity_token_file\": \""
                                + token + "\", \"role_session_name\": \"gha-42\"}}",
                        "{\"AssumeRole\": {\"role_arn\": \"arn:aws:iam::333333333333:role/next\", \"external_id\": null,"
                                + " \"role_session_name\": null, \"mfa_serial\": null, \"duration_seconds\": null}}");
    }

    @Test
    void aNamedProfileIgnoresTheEnvironmentsWebIdentity() throws IOException {
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_ARN", ROLE);
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(
                home.resolve(".aws/credentials"), "[p]\naws_access_key_id = AKIAP\naws_secret_access_key = s\n");

        assertThat(resolver().resolve("p").accessKeyId()).isEqualTo("AKIAP");
        assertThat(calls).isEmpty();
    }

    @Test
    void stsErrorsAreShownWithAwsCodeAndMessage() {
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_ARN", ROLE);
        answer = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>InvalidIdentityToken</Code><Message>Incorrect token audience</Message></Error>"
                + "<RequestId>r</RequestId></ErrorResponse>";

        assertThatThrownBy(() -> resolver().resolve(null))
                .isInstanceOf(CredentialException.class)
                .hasMessage("environment: AssumeRoleWithWebIdentity of " + ROLE
                        + " failed: InvalidIdentityToken: Incorrect token audience");
    }

    @Test
    void aMissingOrEmptyTokenFileIsNamedWithoutACall() throws IOException {
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", dir.resolve("nope.jwt").toString());
        env.put("AWS_ROLE_ARN", ROLE);
        assertThatThrownBy(() -> resolver().resolve(null))
                .hasMessage("environment: AWS_WEB_IDENTITY_TOKEN_FILE " + dir.resolve("nope.jwt")
                        + " cannot be read (no such file or directory); check the path (the file your OIDC provider or"
                        + " Kubernetes writes the token to)");

        env.put(
                "AWS_WEB_IDENTITY_TOKEN_FILE",
                Files.writeString(dir.resolve("empty.jwt"), "\n").toString());
        assertThatThrownBy(() -> resolver().resolve(null))
                .hasMessageEndingWith("is empty; it must hold the OIDC token" + " (a JWT) to assume " + ROLE + " with");
        assertThat(calls).isEmpty();
    }

    @Test
    void aTokenFileWithoutARoleIsAnErrorAndARoleAloneIsNotAWebIdentity() throws IOException {
        env.put("AWS_ROLE_ARN", ROLE);
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(
                home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIAD\naws_secret_access_key = s\n");
        assertThat(resolver().resolve(null).accessKeyId()).isEqualTo("AKIAD");

        env.remove("AWS_ROLE_ARN");
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        assertThatThrownBy(() -> resolver().resolve(null))
                .hasMessage("environment: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; set AWS_ROLE_ARN"
                        + " to the role to assume with the token, or unset the token file");
    }
}
