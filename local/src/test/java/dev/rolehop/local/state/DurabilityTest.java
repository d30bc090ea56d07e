package dev.rolehop.local.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import dev.rolehop.local.LocalFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

class DurabilityTest {

    private static Ec2Client ec2(URI endpoint, String id, String secret) {
        return Ec2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static Thread started(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    @Test
    void aRestartSeesGroupsRulesTagsAndIssuedSessions() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-state");
        Path state = dir.resolve("state.yml");
        LocalFixture first = new LocalFixture(state);
        Credentials lab = first.assumeLab();
        String id;
        try (Ec2Client ec2 = first.ec2(LocalFixture.session(lab))) {
            id = ec2.createSecurityGroup(r -> r.groupName("kept").description("kept group"))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id)
                    .ipPermissions(IpPermission.builder()
                            .ipProtocol("tcp")
                            .fromPort(443)
                            .toPort(443)
                            .ipRanges(x -> x.cidrIp("0.0.0.0/0"))
                            .build()));
            ec2.createTags(r ->
                    r.resources(id).tags(Tag.builder().key("env").value("lab").build()));
        }
        LocalFixture second = first.restart(state);
        try (Ec2Client ec2 = second.ec2(LocalFixture.session(lab))) {
            SecurityGroup g = ec2.describeSecurityGroups(r -> r.groupIds(id))
                    .securityGroups()
                    .get(0);
            assertThat(g.groupName()).isEqualTo("kept");
            assertThat(g.ipPermissions())
                    .singleElement()
                    .satisfies(p -> assertThat(p.fromPort()).isEqualTo(443));
            assertThat(g.tags())
                    .containsExactly(Tag.builder().key("env").value("lab").build());
        } finally {
            second.close();
        }
    }

    @Test
    void theStateFileIsReadableOnlyByItsOwner() throws IOException {
        Path state = Files.createTempDirectory("rolehop-state").resolve("state.yml");
        try (LocalFixture f = new LocalFixture(state)) {
            f.assumeLab();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(state.resolveSibling("state.yml.journal"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anUnreadableStateFileIsRejectedWithTheFix() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-state");
        Path world = DemoWorld.write(dir);
        Path state = Files.writeString(dir.resolve("state.yml"), "version: 99\n");
        assertThatThrownBy(() -> LocalAws.start(new LocalAws.Options(world, state, "127.0.0.1", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(state + ": cannot read the rolehop local state file (it is not a version 1 to 5 rolehop "
                        + "local state file); move it away to start with a fresh state");
    }

    @Test
    void concurrentWritersAllLandExactlyOnce() throws Exception {
        Path state = Files.createTempDirectory("rolehop-state").resolve("state.yml");
        try (LocalFixture f = new LocalFixture(state)) {
            List<Thread> threads = new ArrayList<>();
            Set<String> ids = ConcurrentHashMap.newKeySet();
            String shared;
            try (Ec2Client ec2 = f.ec2(f.alice())) {
                shared = ec2.createSecurityGroup(r -> r.groupName("shared").description("d"))
                        .groupId();
            }
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(started(() -> {
                    try (Ec2Client ec2 = f.ec2(f.alice())) {
                        for (int i = 0; i < 10; i++) {
                            String name = "t" + thread + "-" + i;
                            ids.add(ec2.createSecurityGroup(
                                            r -> r.groupName(name).description("d"))
                                    .groupId());
                        }
                        ec2.authorizeSecurityGroupIngress(r -> r.groupId(shared)
                                .ipPermissions(IpPermission.builder()
                                        .ipProtocol("tcp")
                                        .fromPort(1000 + thread)
                                        .toPort(1000 + thread)
                                        .ipRanges(x -> x.cidrIp("10.0.0.0/8"))
                                        .build()));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            try (Ec2Client ec2 = f.ec2(f.alice())) {
                List<SecurityGroup> groups = ec2.describeSecurityGroups().securityGroups();
                assertThat(groups)
                        .extracting(SecurityGroup::groupId)
                        .containsAll(ids)
                        .doesNotHaveDuplicates();
                assertThat(groups).hasSize(80 + 2);
                assertThat(groups.stream()
                                .filter(g -> g.groupId().equals(shared))
                                .findFirst()
                                .orElseThrow()
                                .ipPermissions())
                        .hasSize(8);
            }
        }
    }

    /** Starts {@code LocalAwsProcess WORLD STATE} in its own JVM and reads its endpoint line. */
    private static Process serverProcess(Path world, Path state) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.rolehop.local.LocalAwsProcess",
                        world.toString(),
                        state.toString())
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void aSecondServerOnTheSameStateFailsFastNamingTheFirstOnesPid() throws Exception {
        Path dir = Files.createTempDirectory("rolehop-lock");
        Path world = DemoWorld.write(dir);
        Path state = dir.resolve("state.yml");
        Process first = serverProcess(world, state);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("endpoint: ");
            long started = System.nanoTime();
            assertThatThrownBy(() -> LocalAws.start(new LocalAws.Options(world, state, "127.0.0.1", 0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(state + ": the state file is in use by another rolehop local (pid " + first.pid()
                            + "); stop that one first, or give this one another --state");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(Files.readString(dir.resolve("state.yml.lock")).trim()).isEqualTo(String.valueOf(first.pid()));
        } finally {
            first.destroyForcibly();
            first.waitFor();
        }
        // The OS dropped the lock with its owner (the lock file stays): a new server starts.
        try (LocalAws again = LocalAws.start(new LocalAws.Options(world, state, "127.0.0.1", 0))) {
            assertThat(again.endpoint()).isNotNull();
        }
    }

    @Test
    void aSecondServerInTheSameJvmIsRefusedTooAndTheFirstKeepsItsLock() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-lock");
        Path world = DemoWorld.write(dir);
        Path state = dir.resolve("state.yml");
        LocalAws.Options options = new LocalAws.Options(world, state, "127.0.0.1", 0);
        try (LocalAws first = LocalAws.start(options)) {
            assertThatThrownBy(() -> LocalAws.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another rolehop local (pid "
                            + ProcessHandle.current().pid() + ")");
            assertThatThrownBy(() -> LocalAws.start(options)).isInstanceOf(IllegalStateException.class);
        }
        try (LocalAws second = LocalAws.start(options)) {
            assertThat(second.endpoint()).isNotNull();
        }
    }

    /**
     * A state write that fails (here: the journal is moved away and a directory takes its name) is answered
     * 500 and changes nothing in memory: the group, the tags, the deletion and the MFA step it
     * would have recorded are all as before, also after a restart.
     */
    @Test
    void aFailedStateWriteIsAnswered500AndLeavesTheStateAsItWas() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-state");
        Path state = dir.resolve("state.yml");
        Path journal = dir.resolve("state.yml.journal");
        Path aside = dir.resolve("journal.aside");
        LocalFixture f = new LocalFixture(state);
        String kept;
        try (Ec2Client ec2 = f.ec2(f.alice())) {
            kept = ec2.createSecurityGroup(r -> r.groupName("kept").description("d"))
                    .groupId();
            ec2.createTags(r ->
                    r.resources(kept).tags(Tag.builder().key("env").value("lab").build()));
            List<String> before = ec2.describeSecurityGroups().securityGroups().stream()
                    .map(SecurityGroup::groupId)
                    .toList();

            Files.move(journal, aside);
            Files.createDirectories(journal.resolve("full"));
            for (Runnable write : List.<Runnable>of(
                    () -> ec2.createSecurityGroup(r -> r.groupName("lost").description("d")),
                    () -> ec2.createTags(r -> r.resources(kept)
                            .tags(
                                    Tag.builder().key("env").value("prod").build(),
                                    Tag.builder().key("new").value("x").build())),
                    () -> ec2.deleteTags(r -> r.resources(kept)),
                    () -> ec2.deleteSecurityGroup(r -> r.groupId(kept)))) {
                assertThatThrownBy(write::run).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });
            }
            assertThat(ec2.describeSecurityGroups().securityGroups())
                    .extracting(SecurityGroup::groupId)
                    .containsExactlyElementsOf(before);
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(kept))
                            .securityGroups()
                            .get(0)
                            .tags())
                    .containsExactly(Tag.builder().key("env").value("lab").build());
        }
        // An AssumeRole whose write fails consumes neither the MFA code nor a session.
        f.clock.advance(Duration.ofSeconds(30));
        String code = f.mfaCode();
        try (StsClient sts = f.sts(f.alice())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(DemoWorld.ROLE_ARN)
                            .roleSessionName("test")
                            .serialNumber(DemoWorld.MFA_SERIAL)
                            .tokenCode(code)))
                    .isInstanceOfSatisfying(
                            StsException.class,
                            e -> assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(500));
            Files.delete(journal.resolve("full"));
            Files.delete(journal);
            Files.move(aside, journal);
            assertThat(sts.assumeRole(r -> r.roleArn(DemoWorld.ROLE_ARN)
                                    .roleSessionName("test")
                                    .serialNumber(DemoWorld.MFA_SERIAL)
                                    .tokenCode(code))
                            .credentials())
                    .isNotNull();
        }
        LocalFixture restarted = f.restart(state);
        try (Ec2Client ec2 = restarted.ec2(restarted.alice())) {
            assertThat(ec2.describeSecurityGroups().securityGroups())
                    .extracting(SecurityGroup::groupName)
                    .containsExactlyInAnyOrder("default", "kept");
        } finally {
            restarted.close();
        }
    }

    /**
     * The crash test: an endpoint in its own JVM takes creates from 8 concurrent writers and is
     * killed with SIGKILL mid-load; a restart over the same state file must show every
     * acknowledged group exactly once and no group nobody asked for.
     */
    @RepeatedTest(5)
    void afterKillNineEveryAcknowledgedGroupIsThereExactlyOnceAndNoneIsInvented() throws Exception {
        Path dir = Files.createTempDirectory("rolehop-crash");
        Path world = DemoWorld.write(dir);
        Path state = dir.resolve("state.yml");
        List<String> creds = Files.readAllLines(dir.resolve("aws/credentials"));
        String keyId = creds.get(1).split("=")[1].trim();
        String secret = creds.get(2).substring(creds.get(2).indexOf('=') + 1).trim();
        Process server = serverProcess(world, state);
        URI endpoint;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("endpoint: ");
            endpoint = URI.create(line.substring("endpoint: ".length()));
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            Set<String> attempted = ConcurrentHashMap.newKeySet();
            AtomicInteger count = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(started(() -> {
                    try (Ec2Client ec2 = ec2(endpoint, keyId, secret)) {
                        for (int i = 0; ; i++) {
                            String name = "w" + thread + "-" + i;
                            attempted.add(name);
                            acknowledged.put(
                                    name,
                                    ec2.createSecurityGroup(
                                                    r -> r.groupName(name).description("d"))
                                            .groupId());
                            count.incrementAndGet();
                        }
                    } catch (RuntimeException killed) {
                        // The server died under us: this writer stops.
                    }
                }));
            }
            while (count.get() < 60) {
                Thread.onSpinWait();
            }
            server.destroyForcibly();
            server.waitFor();
            for (Thread w : writers) {
                w.join();
            }
            try (LocalAws restarted = LocalAws.start(new LocalAws.Options(world, state, "127.0.0.1", 0));
                    Ec2Client ec2 = ec2(restarted.endpoint(), keyId, secret)) {
                List<SecurityGroup> groups = ec2.describeSecurityGroups().securityGroups().stream()
                        .filter(g -> !g.groupName().equals("default"))
                        .toList();
                Map<String, String> byName =
                        groups.stream().collect(Collectors.toMap(SecurityGroup::groupName, SecurityGroup::groupId));
                assertThat(groups).extracting(SecurityGroup::groupName).doesNotHaveDuplicates();
                assertThat(attempted).containsAll(byName.keySet());
                assertThat(byName).containsAllEntriesOf(acknowledged);
                assertThat(acknowledged.size()).isGreaterThanOrEqualTo(60);
            }
        } finally {
            server.destroyForcibly();
        }
    }
}
