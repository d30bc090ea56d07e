package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 networking survives a restart, and is authorized per action and resource ARN. */
class Ec2NetworkStateTest {

    private static final String KEY = "AKIANETOPS0000000001";
    private static final String SECRET = "secret-secret-secret-secret-0001";
    private static final String WORLD = """
            accounts:
              - id: "111111111111"
                users:
                  - name: netops
                    access_keys: [{id: %s, secret: %s}]
                    policies:
                      - name: vpcs-only
                        document:
                          Statement:
                            - {Effect: Allow, Action: ["ec2:Describe*", "ec2:CreateVpc", "ec2:CreateInternetGateway"], Resource: "*"}
                            - {Effect: Allow, Action: "ec2:AttachInternetGateway", Resource: "arn:aws:ec2:*:*:vpc/*"}
            """.formatted(KEY, SECRET);

    private static List<Object> network(Ec2Client ec2, String vpc) {
        Filter inVpc = Filter.builder().name("vpc-id").values(vpc).build();
        return List.of(
                ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs(),
                ec2.describeSubnets(r -> r.filters(inVpc)).subnets(),
                ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables(),
                ec2.describeInternetGateways(r -> r.filters(Filter.builder()
                                .name("attachment.vpc-id")
                                .values(vpc)
                                .build()))
                        .internetGateways(),
                ec2.describeNetworkAcls(r -> r.filters(inVpc)).networkAcls(),
                ec2.describeSecurityGroups(r -> r.filters(inVpc)).securityGroups(),
                ec2.describeDhcpOptions().dhcpOptions());
    }

    @Test
    void theNetworkSurvivesARestart() throws IOException {
        Path state = Files.createTempDirectory("rolehop-net").resolve("state.json");
        LocalFixture first = new LocalFixture(state);
        String vpc;
        List<Object> before;
        try (Ec2Client ec2 = first.ec2(first.alice())) {
            vpc = ec2.createVpc(r -> r.cidrBlock("10.70.0.0/16").amazonProvidedIpv6CidrBlock(true))
                    .vpc()
                    .vpcId();
            ec2.createTags(r -> r.resources(vpc)
                    .tags(Tag.builder().key("Name").value("kept").build()));
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.70.1.0/24"))
                    .subnet()
                    .subnetId();
            String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            ec2.createRoute(
                    r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
            String dopt = ec2.createDhcpOptions(r -> r.dhcpConfigurations(NewDhcpConfiguration.builder()
                            .key("domain-name")
                            .values("kept.internal")
                            .build()))
                    .dhcpOptions()
                    .dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.dhcpOptionsId(dopt).vpcId(vpc));
            before = network(ec2, vpc);
        }
        LocalFixture second = first.restart(state);
        try (Ec2Client ec2 = second.ec2(second.alice())) {
            assertThat(network(ec2, vpc)).isEqualTo(before);
        } finally {
            second.close();
        }
    }

    @Test
    void eachActionIsAuthorizedOnItsResourceArns() {
        try (LocalFixture f = LocalFixture.ofWorld(WORLD);
                Ec2Client ec2 = f.ec2(LocalFixture.keys(KEY, SECRET))) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.71.0.0/16")).vpc().vpcId();
            AwsServiceException subnet =
                    LabEc2.error(() -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.71.0.0/24")));
            assertThat(subnet.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(subnet.awsErrorDetails().errorMessage())
                    .contains("is not authorized to perform: ec2:CreateSubnet on resource: "
                            + "arn:aws:ec2:us-east-1:111111111111:subnet/*");
            String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
            AwsServiceException attach = LabEc2.error(() ->
                    ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)));
            assertThat(attach.awsErrorDetails().errorMessage())
                    .contains("on resource: arn:aws:ec2:us-east-1:111111111111:internet-gateway/" + igw);
            assertThat(ec2.describeInternetGateways(r -> r.internetGatewayIds(igw))
                            .internetGateways()
                            .get(0)
                            .attachments())
                    .isEmpty();
        }
    }
}
