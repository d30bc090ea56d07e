package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import java.security.SecureRandom;
import java.util.Set;

/**
 * IPv4 addresses for instances: private ones from a subnet's CIDR block (EC2 reserves the first
 * four and the last address of every subnet), public ones from 198.18.0.0/15, a block set aside
 * for benchmarks (RFC 2544) that no real host answers on.
 */
final class Addresses {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Addresses() {}

    /** The lowest free address of a subnet, or EC2's error when it is full. */
    static String nextPrivate(String cidr, Set<String> used) {
        long[] range = range(cidr);
        for (long a = range[0] + 4; a < range[1]; a++) {
            String ip = text(a);
            if (!used.contains(ip)) {
                return ip;
            }
        }
        throw AwsErrorCode.INSUFFICIENT_FREE_ADDRESSES.error(
                "There are not enough free addresses in subnet to satisfy the requested number of instances.");
    }

    /** A requested private address, checked: inside the subnet, not reserved, not in use. */
    static String requestedPrivate(String ip, String cidr, Set<String> used) {
        long[] range = range(cidr);
        long a = value(ip);
        if (a < range[0] + 4 || a >= range[1]) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Address " + ip + " does not fall within the subnet's address range");
        }
        if (used.contains(ip)) {
            throw AwsErrorCode.INVALID_IP_ADDRESS_IN_USE.error("Address " + ip + " is in use.");
        }
        return ip;
    }

    /** A random public address. */
    static String nextPublic() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** The first address of a block and its last (the broadcast address EC2 reserves). */
    private static long[] range(String cidr) {
        int slash = cidr.indexOf('/');
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        long base = value(cidr.substring(0, slash));
        long size = 1L << (32 - bits);
        return new long[] {base, base + size - 1};
    }

    private static long value(String ip) {
        String[] parts = ip.split("\\.");
        if (parts.length != 4) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid IPv4 address: " + ip);
        }
        long out = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                octet = -1;
            }
            if (octet < 0 || octet > 255) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid IPv4 address: " + ip);
            }
            out = out * 256 + octet;
        }
        return out;
    }

    private static String text(long a) {
        return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
    }
}
