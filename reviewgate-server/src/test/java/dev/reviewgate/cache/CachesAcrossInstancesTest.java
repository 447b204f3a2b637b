package dev.reviewgate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one PostgreSQL: what one remembers of forms and webhook endpoints, it forgets
 * when the other changes them. Each check is made on instance B after B has remembered the old
 * state, and gives up after 10 s, a third of {@link SharedCache#MAX_AGE}: a change that reached B
 * only by its entry expiring fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachesAcrossInstancesTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private TestServer a;
    private TestServer b;

    @BeforeAll
    void start() {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        NetworkPolicy loopback = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));
        Settings settings = TestServer.settings(url, Settings.DEFAULT_MAX_BODY_BYTES, loopback, Duration.ofSeconds(1));
        a = TestServer.start(settings, InstantSource.system());
        b = TestServer.start(settings, InstantSource.system());
        // Caches are used only while the LISTEN connection is up: wait for both.
        until(
                () -> a.app().database().caches().usable()
                        && b.app().database().caches().usable(),
                up -> up);
        assertThat(b.app().database().caches().usable()).isTrue();
    }

    @AfterAll
    void stop() {
        b.close();
        a.close();
    }

    @Test
    void aFormRevisedOnOneInstanceIsPinnedByTheNextCreatesOnTheOther() {
        ObjectNode form = (ObjectNode) Fixtures.blogForm().deepCopy();
        form.put("id", "cached-form");
        assertThat(a.api().post("/v1/forms", form).status()).isEqualTo(201);
        assertThat(revisionOf(b.api(), create(b.api(), "cached-form"))).isEqualTo(1);
        assertThat(remembered(b, "forms")).isPositive();

        form.put("name", "Renamed");
        Api.Response revised = a.api().put("/v1/forms/cached-form", form);
        assertThat(revised.status()).as(revised.text()).isEqualTo(200);
        assertThat(revised.body().get("revision").asInt()).isEqualTo(2);

        assertThat(until(() -> revisionOf(b.api(), create(b.api(), "cached-form")), r -> r == 2))
                .isEqualTo(2);
    }

    @Test
    void anEndpointAddedOnOneInstanceGetsTheNextEventsPlannedOnTheOther() {
        ObjectNode form = (ObjectNode) Fixtures.blogForm().deepCopy();
        form.put("id", "hooked-form");
        assertThat(a.api().post("/v1/forms", form).status()).isEqualTo(201);
        assertThat(deliveriesOf(b.api(), create(b.api(), "hooked-form"))).isZero();
        assertThat(remembered(b, "webhook_endpoints")).isPositive();

        Api.Response endpoint = a.api().post("/v1/webhooks", Map.of("url", "http://127.0.0.1:9/cached"));
        assertThat(endpoint.status()).as(endpoint.text()).isEqualTo(201);
        assertThat(until(() -> deliveriesOf(b.api(), create(b.api(), "hooked-form")), n -> n > 0))
                .isPositive();

        assertThat(a.api()
                        .delete("/v1/webhooks/" + endpoint.body().get("id").asText())
                        .status())
                .isEqualTo(204);
        assertThat(until(() -> deliveriesOf(b.api(), create(b.api(), "hooked-form")), n -> n == 0))
                .isZero();
    }

    /** How many entries B's cache of that name holds: B remembered the old state, so only a forget can change it. */
    private static int remembered(TestServer server, String cache) {
        return server.app().database().caches().cache(cache, 1).size();
    }

    private static <T> T until(Supplier<T> read, Predicate<T> wanted) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        T last = read.get();
        while (!wanted.test(last) && System.nanoTime() < deadline) {
            sleep();
            last = read.get();
        }
        return last;
    }

    private static JsonNode create(Api api, String formId) {
        Api.Response r = api.post(
                "/v1/reviews",
                Map.of("formId", formId, "fields", Fixtures.blogFields("Cached", "https://cdn.example.com/a.jpg")));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private static int revisionOf(Api api, JsonNode created) {
        return api.get("/v1/reviews/" + created.get("reviewId").asText())
                .body()
                .get("formRevision")
                .asInt();
    }

    private static int deliveriesOf(Api api, JsonNode created) {
        JsonNode page = api.get("/v1/reviews/" + created.get("reviewId").asText() + "/deliveries")
                .body();
        return page.get("data").size();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
