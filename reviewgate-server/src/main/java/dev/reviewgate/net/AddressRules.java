package dev.reviewgate.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a webhook may connect to an address. Some classes are always refused, whatever
 * the {@link NetworkPolicy}: unspecified, link-local (which holds the 169.254.169.254 metadata
 * service), cloud metadata addresses, multicast, broadcast and reserved. Loopback and private
 * classes are refused unless the policy allows them. Everything else is public and allowed.
 *
 * <p>IPv6 addresses that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible
 * {@code ::a.b.c.d}, SIIT, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged as that
 * IPv4 address, since that is where the packets end up.
 */
public final class AddressRules {

    private static final String HINT = ", which this server does not allow for webhooks" + " (see "
            + NetworkPolicy.ALLOW_PRIVATE_ENV + " and " + NetworkPolicy.ALLOW_CIDRS_ENV + ")";

    private record Range(Cidr cidr, String description, boolean always) {}

    // First match wins, so a narrower always-refused block sits before the block that holds it.
    private static final List<Range> IPV4 = List.of(
            always("255.255.255.255/32", "the broadcast address"),
            always("0.0.0.0/8", "an unspecified address"),
            always("169.254.0.0/16", "a link-local/metadata address"),
            always("100.100.100.200/32", "a cloud metadata address"), // Alibaba Cloud, inside CGNAT
            always("168.63.129.16/32", "a cloud platform address"), // Azure WireServer
            always("192.0.0.0/24", "an IETF protocol address"), // includes Oracle's 192.0.0.192
            always("224.0.0.0/4", "a multicast address"),
            always("240.0.0.0/4", "a reserved address"),
            unlessAllowed("127.0.0.0/8", "a loopback address"),
            unlessAllowed("10.0.0.0/8", "a private address"),
            unlessAllowed("172.16.0.0/12", "a private address"),
            unlessAllowed("192.168.0.0/16", "a private address"),
            unlessAllowed("100.64.0.0/10", "a shared (CGNAT) address"),
            unlessAllowed("198.18.0.0/15", "a benchmarking address"));

    private static final List<Range> IPV6 = List.of(
            always("::/128", "the unspecified address"),
            always("fe80::/10", "a link-local address"),
            always("fd00:ec2::254/128", "a link-local/metadata address"), // AWS IMDS over IPv6, inside ULA
            always("ff00::/8", "a multicast address"),
            unlessAllowed("::1/128", "the loopback address"),
            unlessAllowed("fc00::/7", "a private (unique local) address"),
            unlessAllowed("fec0::/10", "a private (site-local) address"));

    /** IPv6 prefixes that embed an IPv4 address, and the byte offset of that address. */
    // byte[] because the prefix is compared with Arrays.equals against an address's bytes; the records are
    // private constants, never compared, hashed or handed out, and no code writes to a prefix.
    @SuppressWarnings("ArrayRecordComponent")
    private record Embedding(byte[] prefix, int offset) {
        boolean matches(byte[] address) {
            return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
        }
    }

    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff), 12), // ::ffff:a.b.c.d mapped
            new Embedding(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 12), // ::a.b.c.d compatible
            new Embedding(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0), 12), // ::ffff:0:a.b.c.d SIIT
            new Embedding(bytes(0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0), 12), // 64:ff9b::/96 NAT64
            new Embedding(bytes(0x20, 0x02), 2)); // 2002:aabb:ccdd::/48 6to4

    private AddressRules() {}

    /**
     * Why a webhook must not connect to {@code address}, or empty when it may.
     *
     * @return e.g. {@code "169.254.169.254 is a link-local/metadata address"}
     */
    public static Optional<String> refusal(InetAddress address, NetworkPolicy policy) {
        Optional<InetAddress> embedded = embeddedIpv4(address);
        InetAddress judged = embedded.orElse(address);
        String shown = embedded.isEmpty()
                ? address.getHostAddress()
                : address.getHostAddress() + " (IPv4 " + judged.getHostAddress() + ")";
        for (Range range : judged instanceof Inet4Address ? IPV4 : IPV6) {
            if (!range.cidr().contains(judged)) {
                continue;
            }
            if (range.always()) {
                return Optional.of(shown + " is " + range.description());
            }
            // Matched against the judged address, so 10.0.0.0/8 also allows ::ffff:10.0.0.1.
            if (policy.allowsPrivate(judged)) {
                return Optional.empty();
            }
            return Optional.of(shown + " is " + range.description() + HINT);
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        // :: and ::1 have the compatible form too, but are IPv6's own unspecified and loopback.
        if (bytes.length != 16 || isUnspecifiedOrLoopback(bytes)) {
            return Optional.empty();
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.matches(bytes)) {
                try {
                    return Optional.of(InetAddress.getByAddress(
                            Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4)));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always a valid address", e);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnspecifiedOrLoopback(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    private static Range always(String cidr, String description) {
        return new Range(Cidr.parse(cidr), description, true);
    }

    private static Range unlessAllowed(String cidr, String description) {
        return new Range(Cidr.parse(cidr), description, false);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
