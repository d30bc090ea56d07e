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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.sts.model.Credentials;

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
    }

    @Test
    void anUnreadableStateFileIsRejectedWithTheFix() throws IOException {
        Path dir = Files.createTempDirectory("rolehop-state");
        Path world = DemoWorld.write(dir);
        Path state = Files.writeString(dir.resolve("state.yml"), "version: 99\n");
        assertThatThrownBy(() -> LocalAws.start(new LocalAws.Options(world, state, "127.0.0.1", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(state + ": cannot read the rolehop local state file (it is not a version 1 rolehop local "
                        + "state file); move it away to start with a fresh state");
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

    /**
     * The crash test: an endpoint in its own JVM takes creates from 8 concurrent writers and is
     * killed with SIGKILL mid-load; a restart over the same state file must show every
     * acknowledged group exactly once and no group nobody asked for.
     */
    @Test
    void afterKillNineEveryAcknowledgedGroupIsThereExactlyOnceAndNoneIsInvented() throws Exception {
        Path dir = Files.createTempDirectory("rolehop-crash");
        Path world = DemoWorld.write(dir);
        Path state = dir.resolve("state.yml");
        List<String> creds = Files.readAllLines(dir.resolve("aws/credentials"));
        String keyId = creds.get(1).split("=")[1].trim();
        String secret = creds.get(2).substring(creds.get(2).indexOf('=') + 1).trim();
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.rolehop.local.LocalAwsProcess",
                        world.toString(),
                        state.toString())
                .redirectErrorStream(true)
                .start();
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
