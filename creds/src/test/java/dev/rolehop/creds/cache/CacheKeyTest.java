package dev.rolehop.creds.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.creds.chain.RoleHop;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cache file names as botocore computes them. The first vector is botocore's published one; the
 * others were computed by the AWS CLI 2.9.19's own {@code AssumeRoleCredentialFetcher._cache_key}
 * (Debian's awscli package).
 */
class CacheKeyTest {

    @Test
    void botocorePublishedVectorMatches() {
        assertThat(CacheKey.of(Map.of("RoleArn", "myrole"))).isEqualTo("793d6e2f27667ab2da104824407e486bfec24a47");
    }

    @Test
    void roleWithMfaSerialMatchesTheAwsCli() {
        RoleHop hop = new RoleHop(
                "lab",
                "arn:aws:iam::222222222222:role/lab-admin",
                null,
                null,
                "arn:aws:iam::111111111111:mfa/alice",
                null,
                null);
        assertThat(hop.cacheKey()).isEqualTo("51fda109626bb275e34b3fddfcec8dacc4adad9b");
    }

    @Test
    void externalIdSessionNameAndDurationAreKeyedAsNumbersAndStrings() {
        RoleHop hop = new RoleHop("ops", "arn:aws:iam::333333333333:role/ops", "ext-42", "nightly", null, 7200, null);
        assertThat(hop.cacheKey()).isEqualTo("a3f680736fe23ea8cf4e6c23c273d0ed9c4bf7d2");
    }

    @Test
    void nonAsciiValuesAreEscapedAsPythonDoes() {
        RoleHop hop =
                new RoleHop("lab", "arn:aws:iam::222222222222:role/lab-admin", "caf\u00e9", null, null, null, null);
        assertThat(hop.cacheKey()).isEqualTo("dd74079f35bf93927440fff8e93df7b30729f6c4");
    }

    @Test
    void mfaProcessIsNotPartOfTheKey() {
        RoleHop plain = new RoleHop("a", "myrole", null, null, null, null, null);
        RoleHop withProcess = new RoleHop("b", "myrole", null, null, null, null, "ykman oath accounts code -s x");
        assertThat(withProcess.cacheKey())
                .isEqualTo(plain.cacheKey())
                .isEqualTo("793d6e2f27667ab2da104824407e486bfec24a47");
    }
}
