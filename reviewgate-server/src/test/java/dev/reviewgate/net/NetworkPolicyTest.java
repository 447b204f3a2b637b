package dev.reviewgate.net;

import static dev.reviewgate.net.CidrTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {

    @Test
    void nothingConfiguredIsStrict() {
        assertThat(NetworkPolicy.parse(null, null)).isEqualTo(NetworkPolicy.strict());
        assertThat(NetworkPolicy.parse(" ", "")).isEqualTo(NetworkPolicy.strict());
        assertThat(NetworkPolicy.strict().allowsPrivate(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void readsTheFlagInAnyCase() {
        assertThat(NetworkPolicy.parse("TRUE", null).allowPrivate()).isTrue();
        assertThat(NetworkPolicy.parse("false", null).allowPrivate()).isFalse();
    }

    @Test
    void readsCommaSeparatedBlocksSkippingEmptyEntries() {
        NetworkPolicy policy = NetworkPolicy.parse("false", " 10.1.0.0/16, 127.0.0.1 ,,fd12::/64,");
        assertThat(policy.allowList())
                .containsExactly(Cidr.parse("10.1.0.0/16"), Cidr.parse("127.0.0.1/32"), Cidr.parse("fd12::/64"));
        assertThat(policy.allowsPrivate(ip("10.1.2.3"))).isTrue();
        assertThat(policy.allowsPrivate(ip("10.2.0.1"))).isFalse();
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> NetworkPolicy.parse("yes", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("REVIEWGATE_WEBHOOK_ALLOW_PRIVATE must be true or false, not 'yes'");
        assertThatThrownBy(() -> NetworkPolicy.parse(null, "10.0.0.0/8, intranet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REVIEWGATE_WEBHOOK_ALLOW_CIDRS: 'intranet' is not an address block");
    }

    @Test
    void theAllowListCannotBeChangedAfterwards() {
        var cidrs = new ArrayList<>(List.of(Cidr.parse("10.0.0.0/8")));
        NetworkPolicy policy = new NetworkPolicy(false, cidrs);
        cidrs.clear();
        assertThat(policy.allowList()).hasSize(1);
    }
}
