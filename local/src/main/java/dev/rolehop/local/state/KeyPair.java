package dev.rolehop.local.state;

import java.time.Instant;
import java.util.Objects;

/**
 * An EC2 key pair: only its public half is kept (the private key of a created pair is answered
 * once and never stored); tags live in {@link RegionState}.
 *
 * @param type {@code rsa} or {@code ed25519}
 * @param publicKey the public key in OpenSSH's one-line format, {@code ssh-rsa AAAA...}
 */
public record KeyPair(String id, String name, String fingerprint, String type, String publicKey, Instant createTime)
        implements Ec2Resource {

    public KeyPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createTime, "createTime");
    }
}
