package dev.reviewgate.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The seam exists so the SSRF checks can be tested with scripted
 * answers (a name resolving to 10.0.0.1, mixed answers) without a network.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Every address {@code host} resolves to, in the resolver's order.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}), with its usual caching. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
