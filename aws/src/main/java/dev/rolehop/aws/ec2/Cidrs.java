package dev.rolehop.aws.ec2;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Normalises the CIDRs of rules as amazon.aws's {@code validate_ip}: an IPv4 CIDR with host bits
 * set becomes its network (with a warning), an IPv6 one is cut to its /64 prefix the way
 * Ansible's {@code to_ipv6_subnet} does (with a warning); anything else is kept as given.
 */
final class Cidrs {

    private Cidrs() {}

    static String normalise(String cidr, Consumer<String> warn) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2) {
            return cidr;
        }
        String ipv4 = ipv4Network(parts[0], parts[1]);
        if (ipv4 != null) {
            if (!ipv4.equals(cidr)) {
                warn.accept("One of your CIDR addresses (" + cidr + ") has host bits set. To get rid of this warning, "
                        + "check the network mask and make sure that only network bits are set: " + ipv4 + ".");
            }
            return ipv4;
        }
        if (isIpv6Network(parts[0], parts[1])) {
            return cidr;
        }
        String ipv6 = ipv6Subnet(parts[0]) + "/" + parts[1];
        if (!ipv6.equals(cidr)) {
            warn.accept("One of your IPv6 CIDR addresses (" + cidr + ") has host bits set. To get rid of this warning, "
                    + "check the network mask and make sure that only network bits are set: " + ipv6 + ".");
        }
        return ipv6;
    }

    /** Ansible's {@code to_subnet}, or {@code null} when the address is not dotted IPv4. */
    private static String ipv4Network(String address, String mask) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        try {
            int length;
            long maskBits;
            if (mask.matches("\\d+") && Integer.parseInt(mask) <= 32) {
                length = Integer.parseInt(mask);
                maskBits = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
            } else {
                String[] m = mask.split("\\.", -1);
                maskBits = 0;
                for (String part : m) {
                    maskBits = (maskBits << 8) | Integer.parseInt(part);
                }
                length = Long.bitCount(maskBits);
            }
            List<String> network = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                network.add(String.valueOf(octet & (int) ((maskBits >> (24 - 8 * i)) & 0xFF)));
            }
            return String.join(".", network) + "/" + length;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isIpv6Network(String address, String mask) {
        if (!address.contains(":") || !mask.matches("\\d{1,3}") || Integer.parseInt(mask) > 128) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return false;
            }
            BigInteger value = new BigInteger(1, bytes);
            int hostBits = 128 - Integer.parseInt(mask);
            return hostBits == 0
                    || value.and(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE))
                                    .signum()
                            == 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Ansible's {@code to_ipv6_subnet}: the first four groups of the address, then {@code ::}. */
    private static String ipv6Subnet(String address) {
        String prefix = address.split("::", -1)[0];
        List<String> groups = new ArrayList<>();
        for (String group : prefix.split(":", -1)) {
            groups.add(group);
            if (groups.size() == 4) {
                break;
            }
        }
        if (groups.size() < 4) {
            groups.add("::");
        }
        StringBuilder network = new StringBuilder();
        for (String group : groups) {
            if (!group.equals("::")) {
                network.append(group);
            }
            network.append(':');
        }
        if (!network.toString().endsWith("::")) {
            network.append(':');
        }
        return network.toString();
    }
}
