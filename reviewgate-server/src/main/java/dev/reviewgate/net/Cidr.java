package dev.reviewgate.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fc00::/7}.
 *
 * @param network      the first address of the block; its bits past the prefix are zero
 * @param prefixLength how many leading bits every member shares (0–32 for IPv4, 0–128 for IPv6)
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not between 0 and " + bits);
        }
        // Host bits in a configured block are almost always a typo (10.0.0.1/8 for 10.0.0.0/8 or
        // 10.0.0.1/32), so say so instead of silently widening or narrowing what is allowed.
        byte[] masked = mask(network.getAddress(), prefixLength);
        if (!Arrays.equals(masked, network.getAddress())) {
            throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength
                    + " has bits set past the prefix; did you mean " + hostAddress(masked) + "/" + prefixLength + "?");
        }
    }

    /**
     * Parses {@code address/prefix}, or a bare address meaning a single host (/32 or /128).
     *
     * @throws IllegalArgumentException when {@code text} is not such a block; never does a DNS lookup
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an address block is empty");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address;
        try {
            address = IpLiteral.parse(addressPart)
                    .orElseThrow(() -> new IllegalArgumentException("'" + addressPart + "' is not an IP address"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an address block: " + e.getMessage(), e);
        }
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new Cidr(address, bits);
        }
        String prefixPart = trimmed.substring(slash + 1);
        if (!prefixPart.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an address block: prefix '" + prefixPart
                    + "' is not a number between 0 and " + bits);
        }
        return new Cidr(address, Integer.parseInt(prefixPart));
    }

    /** Whether {@code address} is in this block; an address of the other family never is. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.getAddress().length
                && Arrays.equals(mask(bytes, prefixLength), network.getAddress());
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    // Bytes, not InetAddress: the JDK turns 16 bytes of the ::ffff:a.b.c.d form into an IPv4
    // address, which would make equal blocks compare unequal.
    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] bytes = address.clone();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        return bytes;
    }

    private static String hostAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always a valid address", e);
        }
    }
}
