package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

class FederationEndpointTest {

    private static final Pattern TOKEN = Pattern.compile("\\{\"SigninToken\": ?\"([A-Za-z0-9_-]+)\"}\\s*");
    private static final String ALLOW_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private final LocalFixture f = new LocalFixture();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        f.close();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String session(Credentials c) {
        return "{\"sessionId\":\"" + c.accessKeyId() + "\",\"sessionKey\":\"" + c.secretAccessKey()
                + "\",\"sessionToken\":\"" + c.sessionToken() + "\"}";
    }

    private HttpResponse<String> get(String query) {
        return send(HttpRequest.newBuilder(URI.create(f.endpoint() + "/federation?" + query)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getSigninToken(String session, String extra) {
        return get("Action=getSigninToken&Session=" + encode(session) + extra);
    }

    private String token(Credentials c, String extra) {
        HttpResponse<String> r = getSigninToken(session(c), extra);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = TOKEN.matcher(r.body());
        assertThat(m.matches()).as(r.body()).isTrue();
        return m.group(1);
    }

    /** Follows a login URL as a browser would: the redirect, with the console session's cookie. */
    private HttpResponse<String> login(String token) {
        HttpResponse<String> login = get("Action=login&Issuer=test&Destination=" + encode(f.endpoint() + "/console")
                + "&SigninToken=" + encode(token));
        if (login.statusCode() != 302) {
            return login;
        }
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return send(HttpRequest.newBuilder(
                        URI.create(login.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
    }

    private Credentials federated() {
        try (StsClient sts = f.sts(f.alice())) {
            return sts.getFederationToken(b -> b.name("bob").policy(ALLOW_ALL)).credentials();
        }
    }

    @Test
    void aRoleSessionSignsInAndTheConsoleShowsItsIdentity() {
        HttpResponse<String> page = login(token(f.assumeLab(), "&SessionDuration=43200"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<dd id=\"account\">222222222222</dd>")
                .contains("<dd id=\"arn\">arn:aws:sts::222222222222:assumed-role/lab-admin/test</dd>")
                .contains("<dd id=\"issuer\">test</dd>");
    }

    @Test
    void aFederatedUserSignsIn() {
        HttpResponse<String> page = login(token(federated(), ""));
        assertThat(page.body()).contains("<dd id=\"arn\">arn:aws:sts::111111111111:federated-user/bob</dd>");
    }

    @Test
    void aSigninTokenIsUsedOnce() {
        String token = token(f.assumeLab(), "");
        assertThat(login(token).statusCode()).isEqualTo(200);
        HttpResponse<String> again = login(token);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("not valid: unknown, already used, or older than 15 minutes");
    }

    @Test
    void aSigninTokenExpiresAfterFifteenMinutes() {
        String token = token(f.assumeLab(), "");
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(login(token).statusCode()).isEqualTo(400);
    }

    @Test
    void theConsoleWithoutASessionAsksToSignIn() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(f.endpoint() + "/console")));
        assertThat(page.statusCode()).isEqualTo(401);
    }

    @Test
    void sessionDurationIsRefusedForAFederatedUser() {
        HttpResponse<String> r = getSigninToken(session(federated()), "&SessionDuration=3600");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("SessionDuration is not allowed for credentials from GetFederationToken");
    }

    @Test
    void sessionDurationOutsideFifteenMinutesToTwelveHoursIsRefused() {
        Credentials lab = f.assumeLab();
        assertThat(getSigninToken(session(lab), "&SessionDuration=899").statusCode())
                .isEqualTo(400);
        assertThat(getSigninToken(session(lab), "&SessionDuration=43201").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aChainedRoleSessionMayNotAskForMoreThanAnHour() {
        Credentials lab = f.assumeLab();
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient iam = f.iam(LocalFixture.session(lab))) {
            iam.createRole(b -> b.roleName("next").assumeRolePolicyDocument(trust));
        }
        Credentials chained;
        try (StsClient sts = f.sts(LocalFixture.session(lab))) {
            chained = sts.assumeRole(b ->
                            b.roleArn("arn:aws:iam::222222222222:role/next").roleSessionName("again"))
                    .credentials();
        }
        assertThat(getSigninToken(session(chained), "&SessionDuration=3600").statusCode())
                .isEqualTo(200);
        HttpResponse<String> r = getSigninToken(session(chained), "&SessionDuration=3601");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("role chaining");
    }

    @Test
    void credentialsMustMatchExactly() {
        Credentials lab = f.assumeLab();
        String wrong = session(lab).replace(lab.secretAccessKey(), "x" + lab.secretAccessKey());
        HttpResponse<String> r = getSigninToken(wrong, "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(lab.secretAccessKey()).contains("Invalid credentials parameter");
    }

    @Test
    void longTermKeysAndSessionTokensCannotSignIn() {
        String keys = "{\"sessionId\":\"" + f.aliceKeyId + "\",\"sessionKey\":\"" + f.aliceSecret
                + "\",\"sessionToken\":\"\"}";
        assertThat(getSigninToken(keys, "").statusCode()).isEqualTo(400);
        Credentials sessionToken;
        try (StsClient sts = f.sts(f.alice())) {
            sessionToken = sts.getSessionToken().credentials();
        }
        HttpResponse<String> r = getSigninToken(session(sessionToken), "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("GetSessionToken");
    }

    @Test
    void expiredCredentialsCannotSignIn() {
        Credentials lab = f.assumeLab();
        f.clock.advance(Duration.ofHours(2));
        assertThat(getSigninToken(session(lab), "").statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedSessionIsRefused() {
        assertThat(getSigninToken("{not json", "").statusCode()).isEqualTo(400);
        assertThat(get("Action=getSigninToken").statusCode()).isEqualTo(400);
        assertThat(get("Action=other").statusCode()).isEqualTo(400);
    }

    @Test
    void theLogNamesTheIdentityButNeverATokenOrSecret() {
        Credentials lab = f.assumeLab();
        String token = token(lab, "");
        login(token);
        assertThat(f.log)
                .contains("arn:aws:sts::222222222222:assumed-role/lab-admin/test federation getSigninToken OK")
                .noneMatch(line -> line.contains(token) || line.contains(lab.secretAccessKey()));
    }
}
