package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;

/** EC2 DHCP options sets over the SDK: create, describe, associate with a VPC, delete. */
class Ec2DhcpOptionsTest extends LabEc2 {

    @Test
    void aSetIsCreatedAssociatedAndDeletedOnceUnused() {
        DhcpOptions created = lab.createDhcpOptions(r -> r.dhcpConfigurations(
                        NewDhcpConfiguration.builder()
                                .key("domain-name-servers")
                                .values("4.4.4.4", "8.8.8.8")
                                .build(),
                        NewDhcpConfiguration.builder()
                                .key("domain-name")
                                .values("lab.internal")
                                .build()))
                .dhcpOptions();
        String id = created.dhcpOptionsId();
        assertThat(id).startsWith("dopt-");
        DhcpOptions described = lab.describeDhcpOptions(
                        r -> r.filters(filter("key", "domain-name"), filter("value", "lab.internal")))
                .dhcpOptions()
                .get(0);
        assertThat(described.dhcpConfigurations())
                .extracting(DhcpConfiguration::key)
                .containsExactly("domain-name-servers", "domain-name");
        assertThat(described.dhcpConfigurations().get(0).values())
                .extracting(v -> v.value())
                .containsExactly("4.4.4.4", "8.8.8.8");
        String vpc = vpc("10.60.0.0/16");
        lab.associateDhcpOptions(r -> r.dhcpOptionsId(id).vpcId(vpc));
        assertThat(lab.describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).dhcpOptionsId())
                .isEqualTo(id);
        AwsServiceException e = error(() -> lab.deleteDhcpOptions(r -> r.dhcpOptionsId(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
        lab.associateDhcpOptions(r -> r.dhcpOptionsId("default").vpcId(vpc));
        assertThat(lab.describeVpcs(r -> r.vpcIds(vpc)).vpcs().get(0).dhcpOptionsId())
                .isEqualTo("default");
        lab.deleteDhcpOptions(r -> r.dhcpOptionsId(id));
        AwsServiceException gone = error(() -> lab.describeDhcpOptions(r -> r.dhcpOptionsIds(id)));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("InvalidDhcpOptionID.NotFound");
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The dhcpOption ID '" + id + "' does not exist");
    }

    @Test
    void theRegionsDefaultSetIsAmazonsDns() {
        String dopt = defaultVpc().dhcpOptionsId();
        assertThat(lab.describeDhcpOptions(r -> r.dhcpOptionsIds(dopt))
                        .dhcpOptions()
                        .get(0)
                        .dhcpConfigurations())
                .extracting(DhcpConfiguration::key)
                .containsExactly("domain-name", "domain-name-servers");
    }
}
