package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * rolehop local as an EC2 instance's metadata service (IMDSv2), read over real HTTP as botocore
 * reads it and by the AWS SDK for Java's own InstanceProfileCredentialsProvider.
 */
class InstanceMetadataTest {

    private static final String ROLE = "arn:aws:iam::222222222222:role/web";
    private static final String UNTRUSTED = "arn:aws:iam::222222222222:role/admin";
    private static final String WORLD = """
            accounts:
              - id: "222222222222"
                alias: prod
                regions: [eu-west-1]
                roles:
                  - name: web
                    trust_policy:
                      Version: "2012-10-17"
                      Statement:
                        - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
                    policies:
                      - name: read
                        document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "ec2:Describe*", Resource: "*"}]}
                  - name: admin
                    trust_policy:
                      Version: "2012-10-17"
                      Statement:
                        - {Effect: Allow, Principal: {AWS: "arn:aws:iam::222222222222:root"}, Action: sts:AssumeRole}
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(fixture.endpoint().resolve(path));
    }

    private String token() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(at("/latest/api/token")
                .header("X-aws-ec2-metadata-token-ttl-seconds", "21600")
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-aws-ec2-metadata-token-ttl-seconds"))
                .hasValue("21600");
        return answer.body();
    }

    private String get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(at(path).header("X-aws-ec2-metadata-token", token));
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    @Test
    void theRolesCredentialsActAsTheRoleWithTheInstanceAsSession() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, ROLE);
        String token = token();

        assertThat(get("/latest/meta-data/iam/security-credentials/", token)).isEqualTo("web");
        String document = get("/latest/meta-data/iam/security-credentials/web", token);
        assertThat(document).contains("\"Code\" : \"Success\"", "\"Type\" : \"AWS-HMAC\"", "\"AccessKeyId\" : \"ASIA");
        String instanceId = get("/latest/meta-data/instance-id", token);
        assertThat(instanceId).matches("i-[0-9a-f]{17}");
        assertThat(get("/latest/meta-data/placement/region", token)).isEqualTo("eu-west-1");
        assertThat(get("/latest/meta-data/placement/availability-zone", token)).isEqualTo("eu-west-1a");

        AwsCredentials credentials = InstanceProfileCredentialsProvider.builder()
                .endpoint(fixture.endpoint().toString())
                .build()
                .resolveCredentials();
        try (StsClient sts = fixture.sts(credentials)) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::222222222222:assumed-role/web/" + instanceId);
        }
    }

    @Test
    void everyReadNeedsAToken() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, ROLE);

        assertThat(send(at("/latest/meta-data/iam/security-credentials/")).statusCode())
                .isEqualTo(401);
        assertThat(send(at("/latest/meta-data/instance-id").header("X-aws-ec2-metadata-token", "made-up"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aHeadIsAnsweredWithoutABodyAndALargeBodyIsRefusedUnread() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, ROLE);
        String token = token();

        HttpResponse<String> head = send(at("/latest/meta-data/instance-id")
                .header("X-aws-ec2-metadata-token", token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> large = send(at("/latest/api/token")
                .header("X-aws-ec2-metadata-token-ttl-seconds", "21600")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20])));
        assertThat(large.statusCode()).isEqualTo(400);
    }

    @Test
    void tokensNeedAValidTimeToLiveAndNoProxy() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, ROLE);
        HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();

        assertThat(send(at("/latest/api/token").PUT(none)).statusCode()).isEqualTo(400);
        assertThat(send(at("/latest/api/token")
                                .header("X-aws-ec2-metadata-token-ttl-seconds", "21601")
                                .PUT(none))
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(at("/latest/api/token")
                                .header("X-aws-ec2-metadata-token-ttl-seconds", "60")
                                .header("X-Forwarded-For", "10.0.0.1")
                                .PUT(none))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(at("/latest/api/token")).statusCode()).isEqualTo(405);
    }

    @Test
    void aTokenEndsWithItsTimeToLive() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, ROLE);
        String token = send(at("/latest/api/token")
                        .header("X-aws-ec2-metadata-token-ttl-seconds", "60")
                        .PUT(HttpRequest.BodyPublishers.noBody()))
                .body();
        assertThat(get("/latest/meta-data/instance-id", token)).startsWith("i-");

        fixture.clock.advance(Duration.ofSeconds(61));

        assertThat(send(at("/latest/meta-data/instance-id").header("X-aws-ec2-metadata-token", token))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void credentialsAreRenewedAnHourBeforeTheyEnd() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, ROLE);
        String first = get("/latest/meta-data/iam/security-credentials/web", token());
        fixture.clock.advance(Duration.ofHours(4));
        assertThat(get("/latest/meta-data/iam/security-credentials/web", token()))
                .contains(keyOf(first));

        fixture.clock.advance(Duration.ofMinutes(61));

        assertThat(get("/latest/meta-data/iam/security-credentials/web", token()))
                .doesNotContain(keyOf(first));
    }

    private static String keyOf(String document) {
        return document.replaceAll("(?s).*\"AccessKeyId\" : \"(ASIA\\w+)\".*", "$1");
    }

    @Test
    void aRoleThatDoesNotTrustEc2IsAnsweredAsImdsAnswersIt() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, UNTRUSTED);

        String document = get("/latest/meta-data/iam/security-credentials/admin", token());

        assertThat(document)
                .contains("\"Code\" : \"AssumeRoleUnauthorizedAccess\"", "EC2 cannot assume the role admin.")
                .doesNotContain("AccessKeyId");
    }

    @Test
    void withoutAnInstanceRoleTheIamPathsAreNotFound() throws Exception {
        fixture = LocalFixture.ofInstance(WORLD, null);
        String token = token();

        HttpResponse<String> answer =
                send(at("/latest/meta-data/iam/security-credentials/").header("X-aws-ec2-metadata-token", token));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(get("/latest/meta-data/", token)).doesNotContain("iam/");
    }

    @Test
    void anInstanceRoleOutsideTheWorldIsRefusedAtStart() {
        assertThatThrownBy(() -> LocalFixture.ofInstance(WORLD, "arn:aws:iam::222222222222:role/nope"))
                .hasMessageContaining(
                        "instance role arn:aws:iam::222222222222:role/nope is not a role of the world file");
        fixture = LocalFixture.ofInstance(WORLD, null);
    }
}
