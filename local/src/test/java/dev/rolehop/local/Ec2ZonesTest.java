package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeName;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Region;

/** EC2 DescribeAvailabilityZones, DescribeRegions and DescribeAccountAttributes over the SDK. */
class Ec2ZonesTest extends LabEc2 {

    @Test
    void theRegionHasThreeAvailableZones() {
        assertThat(lab.describeAvailabilityZones().availabilityZones())
                .extracting(AvailabilityZone::zoneName, AvailabilityZone::zoneId, AvailabilityZone::stateAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("us-east-1a", "use1-az1", "available"),
                        org.assertj.core.groups.Tuple.tuple("us-east-1b", "use1-az2", "available"),
                        org.assertj.core.groups.Tuple.tuple("us-east-1c", "use1-az3", "available"));
        assertThat(lab.describeAvailabilityZones(r -> r.filters(filter("zone-name", "us-east-1b")))
                        .availabilityZones())
                .singleElement()
                .satisfies(z -> assertThat(z.regionName()).isEqualTo("us-east-1"));
    }

    @Test
    void regionsAreTheAccountsOwn() {
        assertThat(lab.describeRegions().regions())
                .extracting(Region::regionName, Region::endpoint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-east-1", "ec2.us-east-1.amazonaws.com"));
    }

    @Test
    void accountAttributesNameTheDefaultVpc() {
        String vpc = defaultVpc().vpcId();
        AccountAttribute attribute = lab.describeAccountAttributes(
                        r -> r.attributeNames(AccountAttributeName.DEFAULT_VPC))
                .accountAttributes()
                .get(0);
        assertThat(attribute.attributeValues().get(0).attributeValue()).isEqualTo(vpc);
        assertThat(lab.describeAccountAttributes().accountAttributes())
                .extracting(AccountAttribute::attributeName)
                .contains("supported-platforms", "max-instances");
    }
}
