package dev.rolehop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A running demo-world endpoint for tests, with a clock the test moves, SDK v2 clients over real
 * HTTP with real SigV4, and the demo user's keys read back from the written credentials file.
 */
public final class LocalFixture implements AutoCloseable {

    public final Path dir;
    public final Path world;
    public final MutableClock clock = new MutableClock(Instant.now());
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());
    public final LocalAws local;
    public final String aliceKeyId;
    public final String aliceSecret;

    /** Writes the demo world into a fresh temp dir and starts an in-memory endpoint. */
    public LocalFixture() {
        this(null);
    }

    /** Writes the demo world and starts an endpoint with state in {@code stateFile} (null = memory). */
    public LocalFixture(Path stateFile) {
        try {
            dir = Files.createTempDirectory("rolehop-local-test");
            world = DemoWorld.write(dir);
            List<String> lines = Files.readAllLines(dir.resolve("aws/credentials"));
            aliceKeyId = value(lines, "aws_access_key_id");
            aliceSecret = value(lines, "aws_secret_access_key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local = LocalAws.start(new LocalAws.Options(world, stateFile, "127.0.0.1", 0)
                .withClock(clock)
                .withLog(log::add));
    }

    private LocalFixture(Path dir, Path world, String keyId, String secret, Path stateFile, String instanceRole) {
        this.dir = dir;
        this.world = world;
        this.aliceKeyId = keyId;
        this.aliceSecret = secret;
        local = LocalAws.start(new LocalAws.Options(world, stateFile, "127.0.0.1", 0)
                .withClock(clock)
                .withLog(log::add)
                .withInstanceRole(instanceRole));
    }

    /** Starts an in-memory endpoint over a world given as YAML text (keys are the world's own). */
    public static LocalFixture ofWorld(String yaml) {
        return ofWorld(yaml, null);
    }

    /** Starts an endpoint over a world given as YAML text with state in {@code stateFile} (null = memory). */
    public static LocalFixture ofWorld(String yaml, Path stateFile) {
        return ofWorld(yaml, stateFile, null);
    }

    /**
     * Starts an in-memory endpoint over a world given as YAML text that is also an instance whose
     * profile holds {@code instanceRole} (null: none).
     */
    public static LocalFixture ofInstance(String yaml, String instanceRole) {
        return ofWorld(yaml, null, instanceRole);
    }

    private static LocalFixture ofWorld(String yaml, Path stateFile, String instanceRole) {
        try {
            Path dir = Files.createTempDirectory("rolehop-local-test");
            Path world = Files.writeString(dir.resolve("world.yml"), yaml);
            return new LocalFixture(dir, world, null, null, stateFile, instanceRole);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second endpoint over the same world and state file (a restart). */
    public LocalFixture restart(Path stateFile) {
        local.close();
        return new LocalFixture(dir, world, aliceKeyId, aliceSecret, stateFile, null);
    }

    private static String value(List<String> lines, String key) {
        return lines.stream()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(l.indexOf('=') + 1).trim())
                .findFirst()
                .orElseThrow();
    }

    public URI endpoint() {
        return local.endpoint();
    }

    public AwsCredentials alice() {
        return AwsBasicCredentials.create(aliceKeyId, aliceSecret);
    }

    public static AwsCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    /** The demo device's code at the fixture clock's current time. */
    public String mfaCode() {
        return LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, clock.instant());
    }

    public StsClient sts(AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public Ec2Client ec2(AwsCredentials credentials) {
        return ec2(credentials, Region.US_EAST_1);
    }

    public Ec2Client ec2(AwsCredentials credentials, Region region) {
        return Ec2Client.builder()
                .endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The AWS error a call answers; fails the test when it succeeds. */
    public static AwsServiceException awsError(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    public static AwsCredentials keys(String id, String secret) {
        return AwsBasicCredentials.create(id, secret);
    }

    public IamClient iam(AwsCredentials credentials) {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Assumes the lab role with a fresh MFA code (moving the clock one step so codes never repeat). */
    public Credentials assumeLab() {
        clock.advance(java.time.Duration.ofSeconds(30));
        try (StsClient sts = sts(alice())) {
            return sts.assumeRole(r -> r.roleArn(DemoWorld.ROLE_ARN)
                            .roleSessionName("test")
                            .serialNumber(DemoWorld.MFA_SERIAL)
                            .tokenCode(mfaCode()))
                    .credentials();
        }
    }

    @Override
    public void close() {
        local.close();
    }
}
