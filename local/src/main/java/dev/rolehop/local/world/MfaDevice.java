package dev.rolehop.local.world;

import java.util.Objects;

/** A virtual MFA device: its serial ARN and its base32 TOTP seed. */
public record MfaDevice(String serial, String seed) {

    public MfaDevice {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(seed, "seed");
    }

    @Override
    public String toString() {
        return "MfaDevice[serial=" + serial + ", seed=<redacted>]";
    }
}
