package dev.rolehop.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * A base for EC2 networking tests: a demo-world endpoint in memory and an EC2 client of the lab
 * role (account 222222222222), with helpers for AWS errors and filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabEc2 {

    protected final LocalFixture f = new LocalFixture();
    protected final Ec2Client lab = f.ec2(LocalFixture.session(f.assumeLab()));

    @AfterAll
    void stop() {
        lab.close();
        f.close();
    }

    /** The AWS error a call fails with. */
    static AwsServiceException error(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** The default VPC of the lab account in us-east-1. */
    software.amazon.awssdk.services.ec2.model.Vpc defaultVpc() {
        return lab.describeVpcs(r -> r.filters(filter("is-default", "true")))
                .vpcs()
                .get(0);
    }

    /** Creates a VPC and returns its id. */
    String vpc(String cidr) {
        return lab.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }
}
