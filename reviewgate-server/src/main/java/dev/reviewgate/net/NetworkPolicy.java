package dev.reviewgate.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which otherwise refused webhook destinations this server allows: loopback and private addresses
 * are refused unless {@code allowPrivate} is set or they fall inside a block of {@code allowList}.
 * Link-local, metadata and the other always-refused classes cannot be allowed by either; see
 * {@link AddressRules}.
 *
 * @param allowPrivate whether every loopback and private address is allowed
 *                     ({@code REVIEWGATE_WEBHOOK_ALLOW_PRIVATE})
 * @param allowList    blocks whose loopback and private addresses are allowed
 *                     ({@code REVIEWGATE_WEBHOOK_ALLOW_CIDRS})
 */
public record NetworkPolicy(boolean allowPrivate, List<Cidr> allowList) {

    static final String ALLOW_PRIVATE_ENV = "REVIEWGATE_WEBHOOK_ALLOW_PRIVATE";
    static final String ALLOW_CIDRS_ENV = "REVIEWGATE_WEBHOOK_ALLOW_CIDRS";

    public NetworkPolicy {
        allowList = List.copyOf(Objects.requireNonNull(allowList, "allowList"));
    }

    /** Only public addresses: the default when nothing is configured. */
    public static NetworkPolicy strict() {
        return new NetworkPolicy(false, List.of());
    }

    /**
     * Reads the two environment settings; null or blank means not set.
     *
     * @param allowPrivateFlag        {@code true} or {@code false}, any case
     * @param allowCidrsCommaSeparated e.g. {@code 10.1.0.0/16, 127.0.0.1, fd12::/64}
     * @throws IllegalArgumentException naming the setting and the value that is wrong
     */
    public static NetworkPolicy parse(String allowPrivateFlag, String allowCidrsCommaSeparated) {
        return new NetworkPolicy(parseFlag(allowPrivateFlag), parseCidrs(allowCidrsCommaSeparated));
    }

    /** Whether a loopback or private {@code address} is let through by this policy. */
    public boolean allowsPrivate(InetAddress address) {
        return allowPrivate || allowList.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static boolean parseFlag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new IllegalArgumentException(
                        ALLOW_PRIVATE_ENV + " must be true or false, not '" + value.strip() + "'");
        };
    }

    private static List<Cidr> parseCidrs(String value) {
        List<Cidr> cidrs = new ArrayList<>();
        if (value == null) {
            return cidrs;
        }
        // -1 keeps every entry, empty ones included; they are skipped below, wherever they are.
        for (String entry : value.split(",", -1)) {
            // Empty entries ("a,,b", a trailing comma) are harmless and common in env files.
            if (entry.isBlank()) {
                continue;
            }
            try {
                cidrs.add(Cidr.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ALLOW_CIDRS_ENV + ": " + e.getMessage(), e);
            }
        }
        return cidrs;
    }
}
