package dev.reviewgate.net;

import static dev.reviewgate.net.CidrTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    private static final NetworkPolicy ALLOW_PRIVATE = new NetworkPolicy(true, List.of());
    private static final NetworkPolicy ALLOW_EVERY_BLOCK =
            new NetworkPolicy(false, List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                "::", // unspecified
                "169.254.169.254",
                "169.254.0.1",
                "fe80::1",
                "febf::ffff", // link-local, metadata
                "fd00:ec2::254",
                "100.100.100.200",
                "168.63.129.16",
                "192.0.0.192", // cloud metadata
                "224.0.0.1",
                "239.255.255.250",
                "ff02::1",
                "ff0e::1", // multicast
                "255.255.255.255",
                "240.0.0.1",
                "254.1.2.3"
            }) // broadcast, reserved
    void alwaysRefusedWhateverThePolicy(String address) {
        assertThat(AddressRules.refusal(ip(address), NetworkPolicy.strict())).isPresent();
        assertThat(AddressRules.refusal(ip(address), ALLOW_PRIVATE)).isPresent();
        assertThat(AddressRules.refusal(ip(address), ALLOW_EVERY_BLOCK)).isPresent();
        assertThat(AddressRules.refusal(ip(address), new NetworkPolicy(true, List.of(Cidr.parse(address)))))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "::1", // loopback
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "100.64.0.1",
                "100.127.255.255", // CGNAT
                "198.18.0.1",
                "198.19.255.255", // benchmarking
                "fc00::1",
                "fd12:3456::1",
                "fec0::1"
            }) // ULA, site-local
    void loopbackAndPrivateOnlyWhereConfigured(String address) {
        assertThat(AddressRules.refusal(ip(address), NetworkPolicy.strict())).isPresent();
        assertThat(AddressRules.refusal(ip(address), ALLOW_PRIVATE)).isEmpty();
        assertThat(AddressRules.refusal(ip(address), new NetworkPolicy(false, List.of(Cidr.parse(address)))))
                .isEmpty();
        assertThat(AddressRules.refusal(ip(address), ALLOW_EVERY_BLOCK)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "93.184.216.34",
                "172.32.0.1",
                "100.128.0.1",
                "198.20.0.1",
                "169.253.255.255",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "64:ff9b::808:808"
            })
    void publicAddressesAreAllowed(String address) {
        assertThat(AddressRules.refusal(ip(address), NetworkPolicy.strict())).isEmpty();
    }

    @Test
    void anAllowListOutsideTheAddressDoesNotAllowIt() {
        NetworkPolicy policy = new NetworkPolicy(false, List.of(Cidr.parse("10.1.0.0/16")));
        assertThat(AddressRules.refusal(ip("10.1.0.5"), policy)).isEmpty();
        assertThat(AddressRules.refusal(ip("10.2.0.5"), policy)).isPresent();
    }

    @Test
    void reasonsAreForPeople() {
        assertThat(AddressRules.refusal(ip("169.254.169.254"), ALLOW_PRIVATE))
                .contains("169.254.169.254 is a link-local/metadata address");
        assertThat(AddressRules.refusal(ip("10.0.0.1"), NetworkPolicy.strict()).orElseThrow())
                .startsWith("10.0.0.1 is a private address, which this server does not allow for webhooks")
                .contains("REVIEWGATE_WEBHOOK_ALLOW_PRIVATE", "REVIEWGATE_WEBHOOK_ALLOW_CIDRS");
    }

    @Test
    void ipv4MappedIpv6IsJudgedAsIpv4() throws UnknownHostException {
        // The JDK turns a parsed ::ffff:a.b.c.d into an Inet4Address; a socket API can still hand
        // over the IPv6 form, which Inet6Address.getByAddress keeps.
        InetAddress metadata = mapped(169, 254, 169, 254);
        assertThat(metadata).isInstanceOf(Inet6Address.class);
        assertThat(AddressRules.refusal(metadata, ALLOW_EVERY_BLOCK).orElseThrow())
                .contains("(IPv4 169.254.169.254) is a link-local/metadata address");
        InetAddress privateAddress = mapped(10, 0, 0, 1);
        assertThat(AddressRules.refusal(privateAddress, NetworkPolicy.strict())).isPresent();
        assertThat(AddressRules.refusal(privateAddress, new NetworkPolicy(false, List.of(Cidr.parse("10.0.0.0/8")))))
                .isEmpty();
        assertThat(AddressRules.refusal(mapped(8, 8, 8, 8), NetworkPolicy.strict()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::169.254.169.254", "::ffff:0:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1"})
    void otherIpv6FormsCarryingMetadataAreRefused(String address) {
        assertThat(ip(address)).isInstanceOf(Inet6Address.class);
        assertThat(AddressRules.refusal(ip(address), ALLOW_EVERY_BLOCK).orElseThrow())
                .contains("(IPv4 169.254.169.254)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::10.0.0.1", "::ffff:0:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "::127.0.0.1"})
    void otherIpv6FormsCarryingPrivateAddressesFollowTheIpv4Rules(String address) {
        assertThat(AddressRules.refusal(ip(address), NetworkPolicy.strict())).isPresent();
        assertThat(AddressRules.refusal(ip(address), ALLOW_PRIVATE)).isEmpty();
    }

    @Test
    void ipv6LoopbackIsNotReadAsAnIpv4CompatibleAddress() {
        // ::1 has the ::a.b.c.d shape (0.0.0.1, always refused) but is IPv6 loopback, allowable.
        assertThat(AddressRules.refusal(ip("::1"), ALLOW_PRIVATE)).isEmpty();
        assertThat(AddressRules.refusal(ip("::"), ALLOW_PRIVATE))
                .contains("0:0:0:0:0:0:0:0 is the unspecified address");
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
