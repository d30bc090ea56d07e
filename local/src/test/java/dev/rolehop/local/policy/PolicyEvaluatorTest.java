package dev.rolehop.local.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final String USER = "arn:aws:iam::111111111111:user/alice";

    private static PolicyDocument policy(String json) {
        return PolicyParser.parse(json, false);
    }

    private static PolicyDocument trust(String json) {
        return PolicyParser.parse(json, true);
    }

    private static RequestContext request(String action, String resource, Map<String, List<String>> keys) {
        return new RequestContext(action, resource, List.of(USER), "111111111111", keys);
    }

    @Test
    void aMatchingAllowAllows() {
        PolicyDocument p =
                policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}}");
        assertThat(PolicyEvaluator.evaluate(List.of(p), request("ec2:DescribeVpcs", "*", Map.of())))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void actionsCompareCaseInsensitively() {
        PolicyDocument p =
                policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"EC2:describevpcs\",\"Resource\":\"*\"}}");
        assertThat(PolicyEvaluator.evaluate(List.of(p), request("ec2:DescribeVpcs", "*", Map.of())))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void noMatchingStatementIsAnImplicitDeny() {
        PolicyDocument p =
                policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}}");
        assertThat(PolicyEvaluator.evaluate(List.of(p), request("ec2:CreateSecurityGroup", "*", Map.of())))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() {
        PolicyDocument allow = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        PolicyDocument deny =
                policy("{\"Statement\":{\"Effect\":\"Deny\",\"NotAction\":\"ec2:Describe*\",\"Resource\":\"*\"}}");
        assertThat(PolicyEvaluator.evaluate(List.of(allow, deny), request("ec2:CreateSecurityGroup", "*", Map.of())))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void resourcesMatchWithWildcards() {
        PolicyDocument p = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\","
                + "\"Resource\":\"arn:aws:ec2:us-east-1:111111111111:security-group/*\"}}");
        assertThat(PolicyEvaluator.evaluate(
                        List.of(p),
                        request(
                                "ec2:DeleteSecurityGroup",
                                "arn:aws:ec2:us-east-1:111111111111:security-group/sg-1",
                                Map.of())))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(
                        List.of(p),
                        request(
                                "ec2:DeleteSecurityGroup",
                                "arn:aws:ec2:eu-west-1:111111111111:security-group/sg-1",
                                Map.of())))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void boolMfaConditionFailsWhenTheKeyIsAbsent() {
        PolicyDocument t = trust("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}}");
        assertThat(PolicyEvaluator.evaluateTrust(t, request("sts:AssumeRole", "r", Map.of())))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluateTrust(
                        t, request("sts:AssumeRole", "r", Map.of("aws:MultiFactorAuthPresent", List.of("true")))))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void ifExistsHoldsWhenTheKeyIsAbsent() {
        PolicyDocument p = policy("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}}");
        assertThat(PolicyEvaluator.evaluate(List.of(p), request("iam:GetUser", "*", Map.of())))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(
                        List.of(p),
                        request("iam:GetUser", "*", Map.of("aws:MultiFactorAuthPresent", List.of("false")))))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void numericMfaAgeLimitsHowOldTheMfaMayBe() {
        PolicyDocument t = trust(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}}}");
        assertThat(PolicyEvaluator.evaluateTrust(
                        t, request("sts:AssumeRole", "r", Map.of("aws:MultiFactorAuthAge", List.of("100")))))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateTrust(
                        t, request("sts:AssumeRole", "r", Map.of("aws:MultiFactorAuthAge", List.of("4000")))))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void stringNotEqualsHoldsWhenTheKeyIsAbsent() {
        PolicyDocument p = policy("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}}}");
        assertThat(PolicyEvaluator.evaluate(List.of(p), request("ec2:DescribeVpcs", "*", Map.of())))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(
                        List.of(p),
                        request("ec2:DescribeVpcs", "*", Map.of("aws:RequestedRegion", List.of("us-east-1")))))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aTrustPolicyNamingAnotherAccountDoesNotTrustThisOne() {
        PolicyDocument t =
                trust("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::333333333333:root\"},"
                        + "\"Action\":\"sts:AssumeRole\"}}");
        assertThat(PolicyEvaluator.evaluateTrust(t, request("sts:AssumeRole", "r", Map.of())))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void externalIdMustMatch() {
        PolicyDocument t = trust("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + USER + "\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"xyz\"}}}}");
        assertThat(PolicyEvaluator.evaluateTrust(
                        t, request("sts:AssumeRole", "r", Map.of("sts:ExternalId", List.of("xyz")))))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateTrust(
                        t, request("sts:AssumeRole", "r", Map.of("sts:ExternalId", List.of("abc")))))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void wildcardsMatchAnyRunAndSingleCharacters() {
        assertThat(Wildcards.matches("a*c?e", "abbbcde", false)).isTrue();
        assertThat(Wildcards.matches("a*c?e", "abbbce", false)).isFalse();
    }
}
