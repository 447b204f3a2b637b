package dev.reviewgate.net;

import dev.reviewgate.error.Violation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps webhooks away from addresses they must not reach (server-side request forgery). URLs are
 * checked when they are registered, for a helpful 422, and the host is checked again when a webhook
 * is sent, through {@link #resolveChecked}, which returns the exact address to connect to: DNS may
 * answer differently between the two (rebinding), so only the send-time check protects anything.
 */
public final class SsrfGuard {

    private final NetworkPolicy policy;
    private final HostResolver resolver;

    public SsrfGuard(NetworkPolicy policy, HostResolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Registration-time check of a webhook URL: absolute http(s), a host, no credentials, at most
     * 2048 characters, and a host that is or resolves only to allowed addresses.
     *
     * @return no violation, or one at {@code pointer} saying what is wrong
     */
    public List<Violation> checkUrl(String url, String pointer) {
        return problem(url)
                .map(message -> List.of(new Violation(pointer, message)))
                .orElse(List.of());
    }

    /**
     * Send-time check: resolves {@code host} once and returns the first address with {@code port},
     * so the caller connects to the address that was checked instead of resolving the name again.
     *
     * @throws RefusedAddressException when the host is refused, or does not resolve
     */
    public InetSocketAddress resolveChecked(String host, int port) throws RefusedAddressException {
        return new InetSocketAddress(checkedAddresses(host).get(0), port);
    }

    private Optional<String> problem(String url) {
        // Credentials are named before a bad host: when the host is not a valid name, URI keeps the
        // whole authority unparsed and reports no user info even if it has some.
        if (hasCredentials(url)) {
            return Optional.of("webhook URL must not contain credentials (user:password@); "
                    + "webhooks are authenticated by their signature");
        }
        Optional<String> syntax = HttpUrls.problem(url, "webhook URL");
        if (syntax.isPresent()) {
            return syntax;
        }
        URI uri = URI.create(url);
        try {
            checkedAddresses(uri.getHost());
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of("webhook URL is not allowed: " + e.getMessage());
        }
    }

    private static boolean hasCredentials(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getRawAuthority() != null
                    && uri.getRawAuthority().contains("@");
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** Resolves once; refuses if any answer is refused, since a mixed answer is a rebinding trick. */
    private List<InetAddress> checkedAddresses(String host) throws RefusedAddressException {
        if (host == null || host.isBlank()) {
            throw new RefusedAddressException("no host");
        }
        Optional<InetAddress> literal;
        try {
            literal = IpLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw new RefusedAddressException(e.getMessage());
        }
        if (literal.isPresent()) {
            Optional<String> refusal = AddressRules.refusal(literal.get(), policy);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(refusal.get());
            }
            return List.of(literal.get());
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("host '" + host + "' does not resolve", e);
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new RefusedAddressException("host '" + host + "' does not resolve", new UnknownHostException(host));
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressRules.refusal(address, policy);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(
                        "host '" + host + "' resolves to a refused address: " + refusal.get());
            }
        }
        return List.copyOf(addresses);
    }
}
