package dev.rolehop.local.state;

import java.time.Instant;

/** An EBS volume attached to an instance at a device name (the volume lives and dies with it). */
public record BlockDevice(
        String deviceName,
        String volumeId,
        int sizeGiB,
        String volumeType,
        Integer iops,
        boolean deleteOnTermination,
        boolean encrypted,
        Instant attachTime) {}
