package dev.reviewgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.HostResolver;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.net.SsrfGuard;
import dev.reviewgate.testing.Receiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At send time the guard decides again, on the address actually connected to. */
class WebhookSenderTest {

    @Test
    void aLoopbackTargetIsRefusedAtSendTimeByDefaultAndNothingConnects() throws Exception {
        try (Receiver receiver = new Receiver();
                WebhookSender sender = new WebhookSender(
                        new SsrfGuard(NetworkPolicy.strict(), HostResolver.system()), Duration.ofSeconds(2))) {
            WebhookSender.Outcome outcome = sender.send(receiver.url("/hook"), Map.of(), "{}");
            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).contains("SSRF");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void anAllowedCidrIsDelivered() throws Exception {
        NetworkPolicy loopback = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));
        try (Receiver receiver = new Receiver();
                WebhookSender sender =
                        new WebhookSender(new SsrfGuard(loopback, HostResolver.system()), Duration.ofSeconds(2))) {
            WebhookSender.Outcome outcome =
                    sender.send(receiver.url("/hook"), Map.of("webhook-id", "msg_1"), "{\"a\":1}");
            assertThat(outcome.statusCode()).isEqualTo(200);
            assertThat(receiver.received()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("msg_1");
                assertThat(r.body()).isEqualTo("{\"a\":1}");
            });
        }
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        assertThat(WebhookSender.retryAfter("120")).contains(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter("soon")).isEmpty();
        assertThat(WebhookSender.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT")).isPresent();
    }
}
