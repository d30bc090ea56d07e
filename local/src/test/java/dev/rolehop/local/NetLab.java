package dev.rolehop.local;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A base for the Elastic IP, network interface and NAT gateway tests: an endpoint over real HTTP
 * whose instances (and NAT gateways) pass each passing state in {@value #TRANSITION} s of the
 * fixture's clock, an admin's EC2 client, and helpers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NetLab {

    static final int TRANSITION = 30;
    static final String IMAGE = "ami-0a3c3a20c09d6f377";
    private static final String KEY = "AKIANETLABTEST000001";
    private static final String SECRET = "net-lab-secret-1";

    protected final LocalFixture f = LocalFixture.ofWorld("""
            accounts:
              - id: "111111111111"
                regions: [us-east-1, us-west-2]
                users:
                  - name: admin
                    access_keys: [{id: %s, secret: %s}]
                    policies:
                      - name: all
                        document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
            images:
              - {id: %s, name: al2023-x86_64, owner: amazon}
            ec2:
              instance_transition_seconds: %d
            """.formatted(KEY, SECRET, IMAGE, TRANSITION));
    protected final Ec2Client ec2 = f.ec2(LocalFixture.keys(KEY, SECRET));

    @AfterAll
    void stop() {
        ec2.close();
        f.close();
    }

    /** The AWS error a call fails with. */
    static AwsServiceException error(Runnable call) {
        return LocalFixture.awsError(call);
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** Lets the passing states of instances and gateways settle. */
    void settle() {
        f.clock.advance(Duration.ofSeconds(TRANSITION));
    }

    /** Launches an instance in the default subnet of the first zone and lets it run. */
    Instance running() {
        String id = ec2.runInstances(r ->
                        r.imageId(IMAGE).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances()
                .get(0)
                .instanceId();
        settle();
        return describe(id);
    }

    Instance describe(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id))
                .reservations()
                .get(0)
                .instances()
                .get(0);
    }
}
