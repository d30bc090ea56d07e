package dev.rolehop.local.ec2;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.Optional;

/** An IPv4 or IPv6 CIDR block as EC2 takes it: an address with a prefix length and no host bits. */
record Cidr(IPAddress block) {

    /** The block, or empty when the text is not a CIDR block (no prefix, host bits set, not an address). */
    static Optional<Cidr> parse(String text) {
        IPAddress address = new IPAddressString(text).getAddress();
        // The library reads "10.0.0.0/16" as the whole block, "10.0.0.1/16" as one address.
        if (address == null || !address.isPrefixed() || !address.isPrefixBlock()) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address));
    }

    /** The block, or AWS's InvalidParameterValue naming the parameter. */
    static Cidr require(String text, String parameter) {
        return parse(text)
                .orElseThrow(() -> Ec2Errors.invalidValue(text, parameter, "This is not a valid CIDR block."));
    }

    int prefix() {
        return block.getNetworkPrefixLength();
    }

    boolean ipv6() {
        return block.isIPv6();
    }

    boolean contains(Cidr other) {
        return block.contains(other.block);
    }

    boolean overlaps(Cidr other) {
        return block.contains(other.block) || other.block.contains(block);
    }

    /** The number of addresses in the block. */
    BigInteger size() {
        return block.getCount();
    }

    /** The block as EC2 writes it ({@code 10.0.0.0/16}, {@code 2600:1f18:1::/56}). */
    @Override
    public String toString() {
        return block.toCompressedString();
    }
}
