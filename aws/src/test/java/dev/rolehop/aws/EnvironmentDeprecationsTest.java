package dev.rolehop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.module.Deprecation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDeprecationsTest {

    @Test
    void theAwsVariablesOfTodayAreNotDeprecated() {
        assertThat(AwsModule.environmentDeprecations(Map.of("AWS_REGION", "us-east-1", "AWS_SESSION_TOKEN", "t")))
                .isEmpty();
    }

    @Test
    void anyEc2VariableGivesOneDeprecationFromAmazonAws() {
        List<Deprecation> deprecations = AwsModule.environmentDeprecations(Map.of("EC2_REGION", "r", "S3_URL", "u"));

        assertThat(deprecations).hasSize(1);
        assertThat(deprecations.get(0).msg()).startsWith("Support for the 'EC2_REGION', 'EC2_ACCESS_KEY'");
        assertThat(deprecations.get(0).date()).isEqualTo("2024-12-01");
        assertThat(deprecations.get(0).collectionName()).isEqualTo("amazon.aws");
    }

    @Test
    void awsSecurityTokenGivesItsOwnDeprecationAfterTheEc2One() {
        List<Deprecation> deprecations =
                AwsModule.environmentDeprecations(Map.of("AWS_SECURITY_TOKEN", "t", "EC2_URL", "u"));

        assertThat(deprecations)
                .extracting(Deprecation::msg)
                .satisfiesExactly(
                        first -> assertThat(first).contains("'EC2_URL'"),
                        second -> assertThat(second)
                                .startsWith("Support for the 'AWS_SECURITY_TOKEN' environment variable"));
    }
}
