package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * EC2 instances over real HTTP: RunInstances, the life cycle on the service clock (30 s per
 * passing state here), state changes with previous and current states, attributes, status,
 * filters, pages, errors and a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstancesTest {

    private static final String KEY = "AKIAINSTANCESTEST001";
    private static final String SECRET = "instances-test-secret-1";
    private static final String IMAGE = "ami-0a3c3a20c09d6f377";

    private final Path dir = temp();
    private LocalFixture f = start();
    private Ec2Client ec2 = f.ec2(LocalFixture.keys(KEY, SECRET));

    private static Path temp() {
        try {
            return Files.createTempDirectory("rolehop-instances");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LocalFixture start() {
        return LocalFixture.ofWorld("""
                accounts:
                  - id: "111111111111"
                    users:
                      - name: admin
                        access_keys: [{id: %s, secret: %s}]
                        policies:
                          - name: all
                            document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
                images:
                  - {id: %s, name: al2023-x86_64, owner: amazon}
                ec2:
                  instance_transition_seconds: 30
                  terminated_visible_seconds: 600
                """.formatted(KEY, SECRET, IMAGE), dir.resolve("state.json"));
    }

    @AfterAll
    void stop() {
        ec2.close();
        f.close();
    }

    private Instance run(String name) {
        return ec2.runInstances(r -> r.imageId(IMAGE)
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .tagSpecifications(TagSpecification.builder()
                                .resourceType(ResourceType.INSTANCE)
                                .tags(Tag.builder().key("Name").value(name).build())
                                .build()))
                .instances()
                .get(0);
    }

    private Instance describe(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id))
                .reservations()
                .get(0)
                .instances()
                .get(0);
    }

    private String state(String id) {
        return describe(id).state().nameAsString();
    }

    @Test
    void anInstanceIsPendingUntilTheTransitionTimeHasPassedThenRunning() {
        Instance i = run("clock");
        assertThat(i.state().nameAsString()).isEqualTo("pending");
        assertThat(i.state().code()).isZero();
        assertThat(state(i.instanceId())).isEqualTo("pending");
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(describe(i.instanceId()).state().code()).isEqualTo(16);
    }

    @Test
    void stopStartAndTerminateAnswerPreviousAndCurrentStates() {
        Instance i = run("cycle");
        f.clock.advance(Duration.ofSeconds(30));
        InstanceStateChange stop = ec2.stopInstances(r -> r.instanceIds(i.instanceId()))
                .stoppingInstances()
                .get(0);
        assertThat(stop.previousState().nameAsString()).isEqualTo("running");
        assertThat(stop.currentState().nameAsString()).isEqualTo("stopping");
        assertThat(describe(i.instanceId()).publicIpAddress()).isNull();
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(state(i.instanceId())).isEqualTo("stopped");
        assertThat(describe(i.instanceId()).stateReason().code()).isEqualTo("Client.UserInitiatedShutdown");
        InstanceStateChange start = ec2.startInstances(r -> r.instanceIds(i.instanceId()))
                .startingInstances()
                .get(0);
        assertThat(start.previousState().nameAsString()).isEqualTo("stopped");
        assertThat(start.currentState().nameAsString()).isEqualTo("pending");
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(describe(i.instanceId()).publicIpAddress()).isNotNull();
        InstanceStateChange end = ec2.terminateInstances(r -> r.instanceIds(i.instanceId()))
                .terminatingInstances()
                .get(0);
        assertThat(end.previousState().nameAsString()).isEqualTo("running");
        assertThat(end.currentState().nameAsString()).isEqualTo("shutting-down");
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(state(i.instanceId())).isEqualTo("terminated");
        f.clock.advance(Duration.ofSeconds(600));
        assertThat(LocalFixture.awsError(() -> describe(i.instanceId()))
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("InvalidInstanceID.NotFound");
    }

    @Test
    void aStoppingInstanceCannotBeStarted() {
        Instance i = run("busy");
        f.clock.advance(Duration.ofSeconds(30));
        ec2.stopInstances(r -> r.instanceIds(i.instanceId()));
        AwsServiceException e = LocalFixture.awsError(() -> ec2.startInstances(r -> r.instanceIds(i.instanceId())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IncorrectInstanceState");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The instance '" + i.instanceId() + "' is not in a state from which it can be started.");
    }

    @Test
    void terminationProtectionRefusesTerminate() {
        Instance i = run("protected");
        ec2.modifyInstanceAttribute(r -> r.instanceId(i.instanceId()).disableApiTermination(a -> a.value(true)));
        AwsServiceException e = LocalFixture.awsError(() -> ec2.terminateInstances(r -> r.instanceIds(i.instanceId())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("OperationNotPermitted");
        assertThat(state(i.instanceId())).isEqualTo("pending");
        assertThat(ec2.describeInstanceAttribute(
                                r -> r.instanceId(i.instanceId()).attribute("disableApiTermination"))
                        .disableApiTermination()
                        .value())
                .isTrue();
    }

    @Test
    void theInstanceTypeChangesOnlyWhileStopped() {
        Instance i = run("resize");
        f.clock.advance(Duration.ofSeconds(30));
        AwsServiceException e = LocalFixture.awsError(() ->
                ec2.modifyInstanceAttribute(r -> r.instanceId(i.instanceId()).instanceType(a -> a.value("t3.large"))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IncorrectInstanceState");
        ec2.stopInstances(r -> r.instanceIds(i.instanceId()));
        f.clock.advance(Duration.ofSeconds(30));
        ec2.modifyInstanceAttribute(r -> r.instanceId(i.instanceId()).instanceType(a -> a.value("t3.large")));
        assertThat(describe(i.instanceId()).instanceTypeAsString()).isEqualTo("t3.large");
    }

    @Test
    void instancesLaunchedTogetherShareAReservationAndGetAddressesFromTheirSubnet() {
        RunInstancesResponse r = ec2.runInstances(x -> x.imageId(IMAGE)
                .minCount(2)
                .maxCount(2)
                .userData(Base64.getEncoder().encodeToString("#!/bin/sh\n".getBytes()))
                .clientToken("pair-token"));
        assertThat(r.instances()).hasSize(2);
        List<Reservation> reservations = ec2.describeInstances(x -> x.filters(Filter.builder()
                        .name("reservation-id")
                        .values(r.reservationId())
                        .build()))
                .reservations();
        assertThat(reservations)
                .singleElement()
                .satisfies(res -> assertThat(res.instances()).hasSize(2));
        String subnet = r.instances().get(0).subnetId();
        String cidr =
                ec2.describeSubnets(x -> x.subnetIds(subnet)).subnets().get(0).cidrBlock();
        assertThat(cidr).isEqualTo("172.31.0.0/20");
        assertThat(r.instances())
                .allSatisfy(i -> assertThat(i.privateIpAddress()).startsWith("172.31."));
        assertThat(r.instances().get(0).privateIpAddress())
                .isNotEqualTo(r.instances().get(1).privateIpAddress());
        assertThat(r.instances().get(0).securityGroups().get(0).groupName()).isEqualTo("default");
        assertThat(new String(Base64.getDecoder()
                        .decode(ec2.describeInstanceAttribute(
                                        x -> x.instanceId(r.instances().get(0).instanceId())
                                                .attribute("userData"))
                                .userData()
                                .value())))
                .isEqualTo("#!/bin/sh\n");
        // The same client token launches nothing and answers the same reservation.
        RunInstancesResponse again =
                ec2.runInstances(x -> x.imageId(IMAGE).minCount(2).maxCount(2).clientToken("pair-token"));
        assertThat(again.reservationId()).isEqualTo(r.reservationId());
    }

    @Test
    void runInstancesChecksImageKeyPairAndGroups() {
        AwsServiceException image = LocalFixture.awsError(() -> ec2.runInstances(
                r -> r.imageId("ami-00000000000000000").minCount(1).maxCount(1)));
        assertThat(image.awsErrorDetails().errorCode()).isEqualTo("InvalidAMIID.NotFound");
        AwsServiceException key = LocalFixture.awsError(() -> ec2.runInstances(
                r -> r.imageId(IMAGE).keyName("nope").minCount(1).maxCount(1)));
        assertThat(key.awsErrorDetails().errorMessage()).isEqualTo("The key pair 'nope' does not exist");
        AwsServiceException group = LocalFixture.awsError(() -> ec2.runInstances(r -> r.imageId(IMAGE)
                .securityGroupIds("sg-0000000000000000f")
                .minCount(1)
                .maxCount(1)));
        assertThat(group.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound");
        AwsServiceException dry = LocalFixture.awsError(() ->
                ec2.runInstances(r -> r.imageId(IMAGE).minCount(1).maxCount(1).dryRun(true)));
        assertThat(dry.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
        assertThat(LocalFixture.awsError(() -> ec2.describeInstances(r -> r.instanceIds("web")))
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("InvalidInstanceID.Malformed");
    }

    @Test
    void statusListsRunningInstancesUnlessAllAreAsked() {
        Instance i = run("status");
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(i.instanceId()))
                        .instanceStatuses())
                .isEmpty();
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(i.instanceId()).includeAllInstances(true))
                        .instanceStatuses())
                .singleElement()
                .satisfies(s -> assertThat(s.instanceState().nameAsString()).isEqualTo("pending"));
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(i.instanceId()))
                        .instanceStatuses())
                .singleElement()
                .satisfies(s -> assertThat(s.instanceStatus().statusAsString()).isEqualTo("ok"));
    }

    @Test
    void pagesCoverEveryInstanceOnce() {
        for (int n = 0; n < 6; n++) {
            run("paged");
        }
        Filter paged = Filter.builder().name("tag:Name").values("paged").build();
        var first = ec2.describeInstances(r -> r.filters(paged).maxResults(5));
        assertThat(first.reservations()).hasSize(5);
        var second = ec2.describeInstances(r -> r.filters(paged).maxResults(5).nextToken(first.nextToken()));
        assertThat(second.reservations()).hasSize(1);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void instancesSurviveARestart() {
        Instance i = run("durable");
        ec2.close();
        f = f.restart(dir.resolve("state.json"));
        ec2 = f.ec2(LocalFixture.keys(KEY, SECRET));
        assertThat(describe(i.instanceId()).tags())
                .contains(Tag.builder().key("Name").value("durable").build());
    }
}
