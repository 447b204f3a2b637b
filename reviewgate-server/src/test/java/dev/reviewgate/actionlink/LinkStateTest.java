package dev.reviewgate.actionlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.kernel.Via;
import org.junit.jupiter.api.Test;

class LinkStateTest {

    private static ActionLink link(Long usedAt) {
        return new ActionLink(
                "h", "acc", "usr", Via.EMAIL, "rev", "v1", ActionLink.Action.APPROVE, 1_000, 2_000, usedAt);
    }

    @Test
    void onlyAnUnusedUnexpiredLinkForThePendingHeadCanDecide() {
        assertThat(LinkState.of(link(null), "v1", true, 1_500)).isEqualTo(LinkState.USABLE);
        assertThat(LinkState.of(link(1_200L), "v1", true, 1_500)).isEqualTo(LinkState.USED);
        assertThat(LinkState.of(link(null), "v1", true, 2_000)).isEqualTo(LinkState.EXPIRED);
        assertThat(LinkState.of(link(null), "v2", true, 1_500)).isEqualTo(LinkState.SUPERSEDED);
        assertThat(LinkState.of(link(null), "v1", false, 1_500)).isEqualTo(LinkState.CLOSED);
    }

    @Test
    void tokensAreBase64urlOf32Bytes() {
        assertThat(ActionLinks.wellFormed("A".repeat(43))).isTrue();
        assertThat(ActionLinks.wellFormed("A".repeat(42))).isFalse();
        assertThat(ActionLinks.wellFormed("A".repeat(42) + "/")).isFalse();
        assertThat(ActionLinks.wellFormed(null)).isFalse();
    }
}
