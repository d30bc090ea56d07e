package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.aws.AwsModuleProvider;
import dev.rolehop.aws.LocalLab;
import dev.rolehop.aws.TestModuleContext;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EC2 info modules against a real rolehop local. */
class InfoModulesTest {

    @TempDir
    static Path dir;

    static LocalLab lab;
    final List<Module> modules = new AwsModuleProvider().modules();

    @BeforeAll
    static void start() {
        lab = new LocalLab(dir);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private TestModuleContext context() {
        return new TestModuleContext(lab.jumpEnvironment());
    }

    @Test
    void securityGroupInfoFiltersWithUnderscoresReadAsDashes() {
        LocalLab.run(
                modules,
                "ec2_group",
                Map.of("name", "info-1", "description", "d", "tags", Map.of("Name", "info")),
                context());
        ModuleResult result = LocalLab.run(
                modules, "ec2_security_group_info", Map.of("filters", Map.of("group_name", "info-1")), context());

        @SuppressWarnings("unchecked")
        var groups = (List<Map<String, Object>>) result.values().get("security_groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).containsEntry("group_name", "info-1").containsEntry("tags", Map.of("Name", "info"));
    }

    @Test
    void vpcInfoOfNoMatchingVpcIsAnEmptyList() {
        var context = context();
        ModuleResult result = LocalLab.run(
                modules, "ec2_vpc_net_info", Map.of("filters", Map.of("tag:Name", "no-such-vpc")), context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        assertThat(result.values()).containsEntry("vpcs", List.of());
        assertThat(context.calls()).containsExactly("ec2 DescribeVpcs");
    }

    @Test
    void vpcInfoOfTheDefaultVpcAsksForItsDnsAttributes() {
        var context = context();
        ModuleResult result =
                LocalLab.run(modules, "ec2_vpc_net_info", Map.of("filters", Map.of("is-default", "true")), context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        @SuppressWarnings("unchecked")
        var vpcs = (List<Map<String, Object>>) result.values().get("vpcs");
        assertThat(vpcs)
                .singleElement()
                .satisfies(vpc -> assertThat(vpc)
                        .containsEntry("cidr_block", "172.31.0.0/16")
                        .containsEntry("is_default", true)
                        .containsEntry("enable_dns_support", true)
                        .containsEntry("enable_dns_hostnames", true)
                        .containsEntry("id", vpc.get("vpc_id")));
        assertThat(context.calls())
                .containsExactly("ec2 DescribeVpcs", "ec2 DescribeVpcAttribute", "ec2 DescribeVpcAttribute");
    }

    @Test
    void debugLogsListTheCallsMadeAsResourceActions() {
        ModuleResult result = LocalLab.run(
                modules,
                "ec2_vpc_net_info",
                Map.of("filters", Map.of("tag:Name", "none"), "debug_botocore_endpoint_logs", true),
                context());

        assertThat(result.values()).containsEntry("resource_actions", List.of("ec2:DescribeVpcs"));
    }

    @Test
    void instanceInfoOfAnUnknownIdFailsWithTheAwsCode() {
        ModuleResult result = LocalLab.run(
                modules, "ec2_instance_info", Map.of("instance_ids", List.of("i-0123456789abcdef0")), context());

        assertThat(result.failed()).isTrue();
        assertThat(result.msg()).startsWith("Failed to list ec2 instances: An error occurred (InvalidInstanceID.");
    }

    @Test
    void aMissingRegionIsReportedAsAmazonAwsDoes() {
        var env = new java.util.LinkedHashMap<>(lab.jumpEnvironment());
        env.remove("AWS_REGION");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-such-config").toString());
        ModuleResult result = LocalLab.run(modules, "ec2_vpc_net_info", Map.of(), new TestModuleContext(env));

        assertThat(result.msg())
                .isEqualTo("The ec2_vpc_net_info module requires a region and none was found in "
                        + "configuration, environment variables or module parameters");
    }

    @Test
    void zoneInfoReadsUnderscoresInFilterNamesAsDashesInOneCall() {
        var context = context();
        ModuleResult result = LocalLab.run(
                modules, "aws_az_info", Map.of("filters", Map.of("zone_name", List.of("us-east-1b"))), context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        @SuppressWarnings("unchecked")
        var zones = (List<Map<String, Object>>) result.values().get("availability_zones");
        assertThat(zones)
                .singleElement()
                .satisfies(zone -> assertThat(zone)
                        .containsEntry("zone_name", "us-east-1b")
                        .containsEntry("region_name", "us-east-1")
                        .containsEntry("state", "available")
                        .containsEntry("messages", List.of()));
        assertThat(context.calls()).containsExactly("ec2 DescribeAvailabilityZones");
    }

    @Test
    void regionInfoListsTheAccountsRegionsWithTheirEndpoints() {
        var context = context();
        ModuleResult result =
                LocalLab.run(modules, "community.aws.aws_region_info", Map.of("filters", Map.of()), context);

        assertThat(result.values())
                .containsEntry(
                        "regions",
                        List.of(Map.of(
                                "endpoint", "ec2.us-east-1.amazonaws.com",
                                "region_name", "us-east-1",
                                "opt_in_status", "opt-in-not-required")));
        assertThat(context.calls()).containsExactly("ec2 DescribeRegions");
    }

    @Test
    void regionInfoOfAnUnknownFilterFailsWithAmazonAwsMessage() {
        ModuleResult result =
                LocalLab.run(modules, "aws_region_info", Map.of("filters", Map.of("no_such_filter", "x")), context());

        assertThat(result.failed()).isTrue();
        assertThat(result.msg()).startsWith("Unable to describe regions.: An error occurred (InvalidParameterValue)");
    }
}
