package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected fingerprints from {@code ssh-keygen -l -E sha256} and {@code openssl pkey -outform DER | openssl md5 -c}. */
class PublicKeyFingerprintTest {

    private static final String RSA =
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCu+QeWHvHQWSdy8teH/qDnOKr6Hs4KjhtVVFg6oQZhM9GF"
                    + "iSkmHMWkwBIXL3FBiRzpHK2YYt3NbCGDtZtlIL/NgJx27i0Ajyt0FhmVyR6MhRK29UIW+W03eGXeOAM2+mbIh0c339B/3iYLqksnzpn7d7Qu"
                    + "arEAX0Y2zJcrj+3fUrIg3T1tGSDhHZISpr2dBFpXKOFgTW3GnslOKe63NX5wNCsvxy0xZGahKwGkvYk4Tq0s+j3ThrkB5CJseEryyNCCWcqg"
                    + "2ad2pEuXYfSKxLDDHpMeyr2P+R8Q+bLHa8jhtVgAd8zKi7n2IDENH4qfeCJaxszbrbhIJxw2Ss5asbNv c";
    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIo0QQN0SGEG7vPlSet19d6H4lDG8vbNae5adhHZXtaG a";

    @Test
    void anRsaKeyIsTheMd5OfItsDerPublicKey() {
        assertThat(PublicKeyFingerprint.of(RSA)).contains("c0:d6:fc:7f:76:38:3e:81:bf:f1:1e:c8:4f:60:57:03");
    }

    @Test
    void anEd25519KeyIsThePaddedBase64Sha256OfItsBlob() {
        assertThat(PublicKeyFingerprint.of("  " + ED25519 + "\n"))
                .contains("3GvbsKdo2FvRuwBMJfMoXe15psOAPoW1ghJr20ySPv8=");
    }

    @Test
    void aKeyWhoseTypeDisagreesWithItsBlobIsLeftToEc2() {
        assertThat(PublicKeyFingerprint.of(ED25519.replace("ssh-ed25519", "ssh-rsa")))
                .isEmpty();
    }

    @Test
    void otherFormatsAndDamagedKeysAreLeftToEc2() {
        assertThat(PublicKeyFingerprint.of("---- BEGIN SSH2 PUBLIC KEY ----")).isEmpty();
        assertThat(PublicKeyFingerprint.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIo0"))
                .isEmpty();
        assertThat(PublicKeyFingerprint.of("ssh-ed25519 not*base64")).isEmpty();
        assertThat(PublicKeyFingerprint.of("ssh-dss AAAAB3NzaC1kc3M=")).isEmpty();
    }
}
