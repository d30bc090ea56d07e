package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.aws.AwsModuleProvider;
import dev.rolehop.aws.LocalLab;
import dev.rolehop.aws.TestModuleContext;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** ec2_security_group against a real rolehop local, over HTTP with SigV4. */
class SecurityGroupModuleTest {

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

    private static Map<String, Object> web(String name) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", name);
        args.put("description", "Web servers");
        args.put(
                "rules",
                List.of(
                        Map.of(
                                "proto",
                                "tcp",
                                "ports",
                                List.of(80, 443),
                                "cidr_ip",
                                "203.0.113.0/24",
                                "rule_desc",
                                "office"),
                        Map.of("proto", "tcp", "ports", 22, "cidr_ip", "198.51.100.10/32")));
        return args;
    }

    private ModuleResult run(Map<String, ?> args, TestModuleContext context) {
        return LocalLab.run(modules, "ec2_group", args, context);
    }

    private TestModuleContext context() {
        return new TestModuleContext(lab.jumpEnvironment());
    }

    private static SecurityGroup described(String groupId) {
        try (var ec2 = lab.jumpEc2()) {
            return ec2.describeSecurityGroups(b -> b.groupIds(groupId))
                    .securityGroups()
                    .get(0);
        }
    }

    @Test
    void aNewGroupWithRulesTakesThreeCallsAndReportsWhatAwsHolds() {
        var context = context();
        ModuleResult result = run(web("create-1"), context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        assertThat(result.changed()).isTrue();
        assertThat(context.calls())
                .containsExactly(
                        "ec2 DescribeSecurityGroups", "ec2 CreateSecurityGroup", "ec2 AuthorizeSecurityGroupIngress");
        String id = (String) result.values().get("group_id");
        assertThat(result.values()).isEqualTo(SecurityGroupResult.of(normalised(described(id))));
    }

    @Test
    void aRerunChangesNothingInOneCall() {
        run(web("rerun-1"), context());
        var context = context();
        ModuleResult result = run(web("rerun-1"), context);

        assertThat(result.changed()).isFalse();
        assertThat(context.calls()).containsExactly("ec2 DescribeSecurityGroups");
    }

    @Test
    void aChangedRuleDescriptionIsRedescribedNotRevoked() {
        run(web("redescribe-1"), context());
        var args = web("redescribe-1");
        args.put(
                "rules",
                List.of(
                        Map.of(
                                "proto",
                                "tcp",
                                "ports",
                                List.of(80, 443),
                                "cidr_ip",
                                "203.0.113.0/24",
                                "rule_desc",
                                "branch"),
                        Map.of("proto", "tcp", "ports", 22, "cidr_ip", "198.51.100.10/32")));
        var context = context();
        ModuleResult result = run(args, context);

        assertThat(result.failed()).as(result.msg()).isFalse();
        assertThat(result.changed()).isTrue();
        assertThat(context.calls())
                .containsExactly("ec2 DescribeSecurityGroups", "ec2 UpdateSecurityGroupRuleDescriptionsIngress");
        String id = (String) result.values().get("group_id");
        assertThat(described(id).ipPermissions())
                .filteredOn(p -> p.fromPort() == 443)
                .singleElement()
                .satisfies(p -> assertThat(p.ipRanges())
                        .singleElement()
                        .satisfies(r -> assertThat(r.description()).isEqualTo("branch")));
        assertThat(result.values()).isEqualTo(SecurityGroupResult.of(normalised(described(id))));
    }

    @Test
    void anIpPrefixRuleIsAPrefixListPermissionAndIsIdempotent() {
        Map<String, Object> args = new LinkedHashMap<>(Map.of(
                "name",
                "prefix-1",
                "description",
                "Prefix list",
                "rules",
                List.of(Map.of("proto", "tcp", "ports", 443, "ip_prefix", "pl-0123456789abcdef0", "rule_desc", "s3"))));
        ModuleResult created = run(args, context());
        var context = context();
        ModuleResult again = run(args, context);

        assertThat(created.failed()).as(created.msg()).isFalse();
        String id = (String) created.values().get("group_id");
        assertThat(described(id).ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(443);
            assertThat(p.prefixListIds()).singleElement().satisfies(pl -> {
                assertThat(pl.prefixListId()).isEqualTo("pl-0123456789abcdef0");
                assertThat(pl.description()).isEqualTo("s3");
            });
        });
        assertThat(again.changed()).isFalse();
        assertThat(context.calls()).containsExactly("ec2 DescribeSecurityGroups");
    }

    @Test
    void purgingRevokesRulesNoLongerListed() {
        run(web("purge-1"), context());
        var args = web("purge-1");
        args.put("rules", List.of(Map.of("proto", "tcp", "ports", 22, "cidr_ip", "198.51.100.10/32")));
        var context = context();
        ModuleResult result = run(args, context);

        assertThat(result.changed()).isTrue();
        assertThat(context.calls()).containsExactly("ec2 DescribeSecurityGroups", "ec2 RevokeSecurityGroupIngress");
        assertThat(described((String) result.values().get("group_id")).ipPermissions())
                .extracting(p -> p.fromPort())
                .containsExactly(22);
    }

    @Test
    void withoutPurgeRulesNotListedStay() {
        run(web("nopurge-1"), context());
        var args = web("nopurge-1");
        args.put("rules", List.of(Map.of("proto", "tcp", "ports", 8080, "cidr_ip", "10.0.0.0/8")));
        args.put("purge_rules", false);
        ModuleResult result = run(args, context());

        assertThat(described((String) result.values().get("group_id")).ipPermissions())
                .extracting(p -> p.fromPort())
                .containsExactlyInAnyOrder(80, 443, 22, 8080);
    }

    @Test
    void tagsAreSetAndPurged() {
        var args = web("tags-1");
        args.put("tags", Map.of("env", "lab", "team", "web"));
        var first = run(args, context());
        assertThat(first.values().get("tags")).isEqualTo(Map.of("env", "lab", "team", "web"));

        args.put("tags", Map.of("env", "prod"));
        var context = context();
        var second = run(args, context);
        assertThat(second.values().get("tags")).isEqualTo(Map.of("env", "prod"));
        assertThat(context.calls()).containsExactly("ec2 DescribeSecurityGroups", "ec2 DeleteTags", "ec2 CreateTags");
        assertThat(SecurityGroupResult.tags(
                        described((String) second.values().get("group_id")).tags()))
                .isEqualTo(Map.of("env", "prod"));
    }

    @Test
    void checkModeReportsTheChangeAndMakesNoMutatingCall() {
        var context = context().checking();
        ModuleResult result = run(web("check-1"), context);

        assertThat(result.changed()).isTrue();
        assertThat(result.values()).containsEntry("group_id", null);
        assertThat(context.calls()).containsExactly("ec2 DescribeSecurityGroups");
        try (var ec2 = lab.jumpEc2()) {
            assertThat(ec2.describeSecurityGroups().securityGroups())
                    .extracting(SecurityGroup::groupName)
                    .doesNotContain("check-1");
        }
    }

    @Test
    void diffShowsTheGroupBeforeAndAfter() {
        run(web("diff-1"), context());
        var args = web("diff-1");
        args.put("rules", List.of(Map.of("proto", "tcp", "ports", 22, "cidr_ip", "198.51.100.10/32")));
        ModuleResult result = run(args, context().checking().diffing());

        @SuppressWarnings("unchecked")
        var before = (Map<String, Object>) result.diff().before();
        @SuppressWarnings("unchecked")
        var after = (Map<String, Object>) result.diff().after();
        assertThat((List<?>) before.get("ip_permissions")).hasSize(3);
        assertThat((List<?>) after.get("ip_permissions")).hasSize(1);
    }

    @Test
    void absentDeletesTheGroupAndThenHasNothingToDo() {
        run(web("absent-1"), context());
        var args = Map.of("name", "absent-1", "state", "absent");
        ModuleResult deleted = run(args, context());
        ModuleResult again = run(args, context());

        assertThat(deleted.changed()).isTrue();
        assertThat(deleted.values()).containsEntry("group_id", null);
        assertThat(again.changed()).isFalse();
    }

    @Test
    void anAwsErrorFailsWithItsCodeAndMessage() {
        var env = new LinkedHashMap<>(lab.jumpEnvironment());
        env.put("AWS_SECRET_ACCESS_KEY", "wrong");
        ModuleResult result = run(web("error-1"), new TestModuleContext(env));

        assertThat(result.failed()).isTrue();
        assertThat(result.msg()).startsWith("Error in describe_security_groups: An error occurred (");
        @SuppressWarnings("unchecked")
        var error = (Map<String, Object>) result.values().get("error");
        assertThat(error.get("code")).isIn("AuthFailure", "SignatureDoesNotMatch");
        assertThat(result.values()).containsKey("response_metadata");
    }

    @Test
    void aMissingDescriptionIsRejectedBeforeAnyCall() {
        var context = context();
        ModuleResult result = run(Map.of("name", "nodesc"), context);

        assertThat(result.msg()).isEqualTo("Must provide description when state is present.");
        assertThat(context.calls()).isEmpty();
    }

    /** The described group with the empty lists the module reports for every permission. */
    private static SecurityGroup normalised(SecurityGroup group) {
        return group.toBuilder()
                .ipPermissions(new PermissionSet(group.ipPermissions(), group.ownerId()).permissions())
                .ipPermissionsEgress(new PermissionSet(group.ipPermissionsEgress(), group.ownerId()).permissions())
                .build();
    }
}
