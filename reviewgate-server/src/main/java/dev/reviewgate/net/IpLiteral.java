package dev.reviewgate.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells IP literals from host names without ever asking DNS. {@link InetAddress#getByName} looks a
 * string up when it does not parse as a literal, so it is only handed strings already known to be
 * IPv6 literals; IPv4 is parsed here, strictly, because the JDK also accepts forms such as
 * {@code 127.1} that different URL parsers read differently.
 */
public final class IpLiteral {

    private static final Pattern NUMERIC_DOTTED = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    // Hex digits, colons and dots only: such a string starts with a hex digit or ':' (else rejected
    // below), and then the JDK parses it as a literal or fails, never resolving it.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {}

    /**
     * The address {@code host} spells, empty when it is a host name.
     *
     * @throws IllegalArgumentException when {@code host} looks like an IP address but is not a
     *                                  canonical one (e.g. {@code 127.1}, {@code 010.0.0.1}, {@code [::g]})
     */
    public static Optional<InetAddress> parse(String host) {
        boolean bracketed = host.startsWith("[") && host.endsWith("]") && host.length() > 2;
        String bare = bracketed ? host.substring(1, host.length() - 1) : host;
        if (bracketed || bare.contains(":")) {
            return Optional.of(ipv6(bare));
        }
        if (NUMERIC_DOTTED.matcher(bare).matches()) {
            return Optional.of(ipv4(bare));
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address in dotted-quad form (a.b.c.d)");
        }
        // IPV4 matched, so there are exactly four non-empty parts.
        String[] parts = text.split("\\.", 4);
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: " + value + " > 255");
            }
            bytes[i] = (byte) value;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always a valid address", e);
        }
    }

    private static InetAddress ipv6(String text) {
        if (!IPV6.matcher(text).matches() || text.startsWith(".")) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address", e);
        }
    }
}
