package dev.reviewgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the webhook suites: the API suite's server per database, but allowed to send to
 * 127.0.0.1 only (by CIDR, not by allowing every private range), with a 1 s send timeout, a clock
 * the test moves, and a fresh receiver per test.
 */
public abstract class WebhookTest extends ApiTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(1);

    protected final TestClock clock = new TestClock();
    protected Receiver receiver;
    private int forms;

    @Override
    protected Settings settings(String databaseUrl) {
        NetworkPolicy loopbackOnly = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));
        return TestServer.settings(databaseUrl, Settings.DEFAULT_MAX_BODY_BYTES, loopbackOnly, TIMEOUT);
    }

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @BeforeEach
    void startReceiver() throws IOException {
        clock.reset();
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A new blog form for this test only, so endpoints filtered to it see only this test's events. */
    protected String newForm() {
        forms++;
        String id = "blog-" + database.name().toLowerCase(Locale.ROOT) + "-" + forms + "-" + System.nanoTime();
        var form = (ObjectNode) Fixtures.blogForm();
        form.put("id", id);
        api.post("/v1/forms", form);
        return id;
    }

    /** An endpoint for this test's receiver, receiving only events of {@code formId}. */
    protected JsonNode newEndpoint(String formId) {
        Api.Response created = api.post("/v1/webhooks", Map.of("url", receiver.url("/hook"), "formId", formId));
        if (created.status() != 201) {
            throw new AssertionError("endpoint not created: " + created.text());
        }
        return created.body();
    }

    protected Api.Response createReview(String formId) {
        return api.post(
                "/v1/reviews",
                Map.of("formId", formId, "fields", Fixtures.blogFields("Post", "https://cdn.example.com/a.jpg")));
    }

    /** Polls an endpoint's delivery log until the first delivery matches (10 s at most). */
    protected JsonNode awaitDelivery(String endpointId, Predicate<JsonNode> test) {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            JsonNode data =
                    api.get("/v1/webhooks/" + endpointId + "/deliveries").body().get("data");
            if (data.size() > 0) {
                last = data.get(data.size() - 1);
                if (test.test(last)) {
                    return last;
                }
            }
            pause(50);
        }
        throw new AssertionError("delivery never matched; last: " + last);
    }

    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
