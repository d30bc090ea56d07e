package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code throttleEvery}: every Nth request gets the service's throttling error, as AWS words it. */
class ThrottleTest {

    private static LocalAws start(Path dir, int every) throws IOException {
        return LocalAws.start(
                new LocalAws.Options(DemoWorld.write(dir), null, "127.0.0.1", 0).withThrottleEvery(every));
    }

    private static StaticCredentialsProvider alice(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("aws/credentials"));
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                lines.get(1).split("=")[1].strip(),
                lines.get(2).substring(lines.get(2).indexOf('=') + 1).strip()));
    }

    private static Ec2Client ec2(LocalAws local, Path dir, boolean retry) throws IOException {
        var builder = Ec2Client.builder()
                .endpointOverride(local.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(alice(dir))
                .httpClient(UrlConnectionHttpClient.create());
        if (!retry) {
            builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
        return builder.build();
    }

    @Test
    void everySecondRequestIsThrottledWithEachServicesError() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-throttle");
        try (LocalAws local = start(dir, 2);
                Ec2Client ec2 = ec2(local, dir, false);
                StsClient sts = StsClient.builder()
                        .endpointOverride(local.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(alice(dir))
                        .httpClient(UrlConnectionHttpClient.create())
                        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build()) {
            ec2.describeSecurityGroups();
            AwsServiceException ec2Throttled =
                    catchThrowableOfType(ec2::describeSecurityGroups, AwsServiceException.class);
            sts.getCallerIdentity();
            AwsServiceException stsThrottled = catchThrowableOfType(sts::getCallerIdentity, AwsServiceException.class);

            assertThat(ec2Throttled.statusCode()).isEqualTo(503);
            assertThat(ec2Throttled.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
            assertThat(ec2Throttled.awsErrorDetails().errorMessage()).isEqualTo("Request limit exceeded.");
            assertThat(stsThrottled.statusCode()).isEqualTo(400);
            assertThat(stsThrottled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
            assertThat(stsThrottled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        }
    }

    @Test
    void theSdksRetriesGetThroughAThrottlingEndpoint() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-throttle");
        try (LocalAws local = start(dir, 2);
                Ec2Client ec2 = ec2(local, dir, true)) {
            for (int i = 0; i < 3; i++) {
                String name = "retried-" + i;
                ec2.createSecurityGroup(r -> r.groupName(name).description("d"));
            }
            assertThat(ec2.describeSecurityGroups().securityGroups()).hasSize(4);
        }
    }

    @Test
    void aNegativeRhythmIsRejected() {
        var e = catchThrowableOfType(
                () -> new LocalAws.Options(Path.of("w.yml"), null, "127.0.0.1", 0).withThrottleEvery(-1),
                IllegalArgumentException.class);
        assertThat(e).hasMessage("throttle every -1 requests: give 0 (never) or more");
    }
}
