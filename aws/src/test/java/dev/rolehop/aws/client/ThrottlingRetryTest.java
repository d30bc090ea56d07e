package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.aws.AwsModuleProvider;
import dev.rolehop.aws.LocalLab;
import dev.rolehop.aws.TestModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules ride out throttling: rolehop local throttles every second request, the task still succeeds. */
class ThrottlingRetryTest {

    @Test
    void aThrottledCallIsRetriedAndTheTaskSucceeds(@TempDir Path dir) {
        try (LocalLab lab = new LocalLab(dir, 2)) {
            var context = new TestModuleContext(lab.jumpEnvironment());
            ModuleResult result = LocalLab.run(
                    new AwsModuleProvider().modules(),
                    "ec2_group",
                    Map.of(
                            "name",
                            "throttled",
                            "description",
                            "d",
                            "rules",
                            List.of(Map.of("proto", "tcp", "ports", 22, "cidr_ip", "10.0.0.0/8"))),
                    context);

            assertThat(result.failed()).as(result.msg()).isFalse();
            assertThat(result.changed()).isTrue();
            assertThat(context.calls())
                    .containsExactly(
                            "ec2 DescribeSecurityGroups",
                            "ec2 CreateSecurityGroup",
                            "ec2 CreateSecurityGroup (retry 1)",
                            "ec2 AuthorizeSecurityGroupIngress",
                            "ec2 AuthorizeSecurityGroupIngress (retry 1)");
        }
    }
}
