package dev.reviewgate.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.error.Violation;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {

    private static final String POINTER = "/webhookUrl";

    private final ScriptedResolver dns = new ScriptedResolver()
            .answer("example.com", "93.184.216.34")
            .answer("intranet.example", "10.0.0.1")
            .answer("rebind.example", "93.184.216.34", "10.0.0.1")
            .answer("v6.example", "2606:4700:4700::1111")
            .answer("metadata.example", "169.254.169.254");
    private final SsrfGuard strict = new SsrfGuard(NetworkPolicy.strict(), dns);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com/hook",
                "https://example.com:8443/a?b=c",
                "HTTPS://example.com",
                "http://93.184.216.34/",
                "https://v6.example/",
                "http://[2606:4700:4700::1111]/"
            })
    void publicUrlsPass(String url) {
        assertThat(strict.checkUrl(url, POINTER)).isEmpty();
    }

    @Test
    void theMetadataAddressIsRefused() {
        assertThat(strict.checkUrl("http://169.254.169.254/latest/meta-data", POINTER))
                .containsExactly(new Violation(
                        POINTER, "webhook URL is not allowed: 169.254.169.254 is a link-local/metadata address"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://[::1]/",
                "http://127.0.0.1:8080/",
                "http://10.0.0.1/",
                "http://[::ffff:10.0.0.1]/",
                "http://[fd00:ec2::254]/",
                "http://intranet.example/",
                "http://metadata.example/",
                "http://[fe80::1%25eth0]/"
            })
    void nonPublicDestinationsAreRefused(String url) {
        List<Violation> violations = strict.checkUrl(url, POINTER);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).pointer()).isEqualTo(POINTER);
        assertThat(violations.get(0).message()).startsWith("webhook URL is not allowed: ");
    }

    @Test
    void aHostNameIsJudgedByWhatItResolvesTo() {
        assertThat(strict.checkUrl("http://intranet.example/", POINTER).get(0).message())
                .contains("host 'intranet.example' resolves to a refused address: 10.0.0.1 is a private address");
    }

    @Test
    void oneRefusedAnswerAmongPublicOnesRefusesTheHost() {
        assertThat(strict.checkUrl("http://rebind.example/", POINTER).get(0).message())
                .contains("10.0.0.1 is a private address");
    }

    @Test
    void configuredRangesAreAllowedButMetadataNeverIs() {
        SsrfGuard open = new SsrfGuard(new NetworkPolicy(true, List.of(Cidr.parse("0.0.0.0/0"))), dns);
        assertThat(open.checkUrl("http://intranet.example/", POINTER)).isEmpty();
        assertThat(open.checkUrl("http://[::1]/", POINTER)).isEmpty();
        assertThat(open.checkUrl("http://[fd00:ec2::254]/", POINTER)).hasSize(1);
        assertThat(open.checkUrl("http://169.254.169.254/", POINTER)).hasSize(1);
    }

    @Test
    void theUrlMustBeAnAbsoluteHttpUrlWithAHost() {
        assertThat(message("ftp://x")).isEqualTo("webhook URL must be an absolute http:// or https:// URL");
        assertThat(message("/relative")).isEqualTo("webhook URL must be an absolute http:// or https:// URL");
        assertThat(message("http:///path"))
                .isEqualTo("webhook URL must have a valid host (use punycode for international names)");
        assertThat(message("http://exa mple.com/")).startsWith("webhook URL is not a valid URL");
        assertThat(message("")).isEqualTo("webhook URL is empty");
        assertThat(message("http://example.com:0/")).isEqualTo("webhook URL port must be between 1 and 65535");
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(message("http://user:pw@example.com/")).startsWith("webhook URL must not contain credentials");
        // With an invalid host name URI reports no user info; the raw authority still has it.
        assertThat(message("http://user@exa_mple.com/")).startsWith("webhook URL must not contain credentials");
    }

    @Test
    void urlsAreAtMost2048Characters() {
        String base = "http://example.com/";
        assertThat(strict.checkUrl(base + "a".repeat(2048 - base.length()), POINTER))
                .isEmpty();
        assertThat(message(base + "a".repeat(2049 - base.length())))
                .isEqualTo("webhook URL is longer than 2048 characters");
    }

    @Test
    void anUnresolvableHostIsRefused() {
        assertThat(message("http://nowhere.invalid/"))
                .isEqualTo("webhook URL is not allowed: host 'nowhere.invalid' does not resolve");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.1/", "http://2130706433/", "http://010.0.0.1/", "http://[::g]/"})
    void ambiguousIpLiteralsAreRefusedWithoutAskingDns(String url) {
        assertThat(strict.checkUrl(url, POINTER)).hasSize(1);
        assertThat(dns.calls()).isZero();
    }

    @Test
    void resolveCheckedReturnsTheCheckedAddressAfterOneLookup() throws Exception {
        InetSocketAddress address = strict.resolveChecked("example.com", 443);
        assertThat(address.getAddress()).isEqualTo(CidrTest.ip("93.184.216.34"));
        assertThat(address.getPort()).isEqualTo(443);
        assertThat(address.isUnresolved()).isFalse();
        assertThat(dns.calls()).isEqualTo(1);
    }

    @Test
    void resolveCheckedJudgesLiteralsWithoutDns() throws Exception {
        assertThat(strict.resolveChecked("[2606:4700:4700::1111]", 80).getAddress())
                .isEqualTo(CidrTest.ip("2606:4700:4700::1111"));
        assertThatThrownBy(() -> strict.resolveChecked("::1", 80)).isInstanceOf(RefusedAddressException.class);
        assertThat(dns.calls()).isZero();
    }

    @Test
    void resolveCheckedRefusesWithAReason() {
        assertThatThrownBy(() -> strict.resolveChecked("rebind.example", 80))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("10.0.0.1 is a private address");
        assertThatThrownBy(() -> strict.resolveChecked("nowhere.invalid", 80))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessage("host 'nowhere.invalid' does not resolve")
                .hasCauseInstanceOf(UnknownHostException.class);
    }

    private String message(String url) {
        List<Violation> violations = strict.checkUrl(url, POINTER);
        assertThat(violations).hasSize(1);
        return violations.get(0).message();
    }
}
