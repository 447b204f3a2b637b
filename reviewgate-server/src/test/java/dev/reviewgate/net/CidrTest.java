package dev.reviewgate.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void parsesIpv4Blocks() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        assertThat(cidr.prefixLength()).isEqualTo(8);
        assertThat(cidr.contains(ip("10.255.1.2"))).isTrue();
        assertThat(cidr.contains(ip("11.0.0.0"))).isFalse();
        assertThat(cidr).hasToString("10.0.0.0/8");
    }

    @Test
    void aBareAddressIsASingleHost() {
        assertThat(Cidr.parse("127.0.0.1")).isEqualTo(Cidr.parse("127.0.0.1/32"));
        assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2"))).isFalse();
        assertThat(Cidr.parse("::1").prefixLength()).isEqualTo(128);
    }

    @Test
    void parsesIpv6Blocks() {
        assertThat(Cidr.parse("::1/128").contains(ip("::1"))).isTrue();
        Cidr ula = Cidr.parse("fc00::/7");
        assertThat(ula.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(ula.contains(ip("fe00::1"))).isFalse();
    }

    @Test
    void zeroPrefixHoldsTheWholeFamilyOnly() {
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).isFalse();
        assertThat(Cidr.parse("::/0").contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void prefixesNotOnAByteBoundary() {
        Cidr cidr = Cidr.parse("172.16.0.0/12");
        assertThat(cidr.contains(ip("172.31.255.255"))).isTrue();
        assertThat(cidr.contains(ip("172.32.0.0"))).isFalse();
        assertThat(Cidr.parse("fe80::/10").contains(ip("febf::1"))).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains(ip("fec0::1"))).isFalse();
    }

    @Test
    void hostBitsPastThePrefixAreATypoAndSaySo() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean 10.0.0.0/8?");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0.0/33",
                "::/129",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "10.0.0.0/x",
                "256.0.0.0/8",
                "127.1",
                "010.0.0.1",
                "localhost",
                "example.com/32",
                "::g",
                "fe80::1%eth0"
            })
    void refusesWhatIsNotABlock(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }
}
