package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.aws.client.CredentialSource.NamedProfile;
import dev.rolehop.aws.client.CredentialSource.StaticKeys;
import org.junit.jupiter.api.Test;

/** Sources key the per-run client caches: equal exactly when every part is. */
class CredentialSourceTest {

    @Test
    void keysAreEqualOnlyWhenEveryPartIs() {
        var keys = new StaticKeys("AKIA1", "s1", "t1");
        assertThat(keys)
                .isEqualTo(new StaticKeys("AKIA1", "s1", "t1"))
                .hasSameHashCodeAs(new StaticKeys("AKIA1", "s1", "t1"))
                .isNotEqualTo(new StaticKeys("AKIA2", "s1", "t1"))
                .isNotEqualTo(new StaticKeys("AKIA1", "s2", "t1"))
                .isNotEqualTo(new StaticKeys("AKIA1", "s1", "t2"))
                .isNotEqualTo(new StaticKeys("AKIA1", "s1", null))
                .isNotEqualTo(new NamedProfile("AKIA1"));
        assertThat(new StaticKeys("AKIA1", "s1", null))
                .isEqualTo(new StaticKeys("AKIA1", "s1", null))
                .hasSameHashCodeAs(new StaticKeys("AKIA1", "s1", null));
    }

    @Test
    void profilesAreEqualByName() {
        assertThat(new NamedProfile("lab"))
                .isEqualTo(new NamedProfile("lab"))
                .hasSameHashCodeAs(new NamedProfile("lab"))
                .isNotEqualTo(new NamedProfile("jump"))
                .isNotEqualTo(new NamedProfile(null));
        assertThat(new NamedProfile(null)).isEqualTo(new NamedProfile(null));
    }
}
