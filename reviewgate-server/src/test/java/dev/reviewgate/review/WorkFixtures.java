package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/** What the suites on the human side share: forms with routing and quorum, people, groups and reviews. */
final class WorkFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private WorkFixtures() {}

    static String unique(String name) {
        return name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000_000 + "-"
                + SEQUENCE.incrementAndGet();
    }

    /** A user of the account, created through {@code /v1/users}. */
    record Someone(String email, String id) {}

    static Someone user(Api api, String role) {
        String email = unique(role) + "@example.com";
        Api.Response created = api.post("/v1/users", Map.of("email", email, "name", "User " + email, "role", role));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Someone(email, created.body().get("id").asText());
    }

    static String group(Api api, String... members) {
        String id = unique("g");
        Api.Response created =
                api.post("/v1/groups", Map.of("id", id, "name", "Group " + id, "members", List.of(members)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return id;
    }

    /** The blog form with {@code extra} members (routing, approvals, deadline, remind) merged in. */
    static String form(Api api, String extraJson) {
        ObjectNode form = (ObjectNode) Fixtures.blogForm().deepCopy();
        String id = unique("work");
        form.put("id", id);
        if (extraJson != null) {
            form.setAll((ObjectNode) Fixtures.json(extraJson));
        }
        Api.Response created = api.post("/v1/forms", form);
        assertThat(created.status()).as(created.text()).isIn(200, 201);
        return id;
    }

    /** A review on {@code formId} with {@code extra} create members merged in; answers the response. */
    static Api.Response create(Api api, String formId, String extraJson) {
        ObjectNode body = Json.object().put("formId", formId);
        body.set(
                "fields", Fixtures.blogFields("A post " + SEQUENCE.incrementAndGet(), "https://cdn.example.com/a.jpg"));
        if (extraJson != null) {
            body.setAll((ObjectNode) Fixtures.json(extraJson));
        }
        return api.post("/v1/reviews", body);
    }

    static JsonNode review(Api api, String formId, String extraJson) {
        Api.Response created = create(api, formId, extraJson);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return api.get("/v1/reviews/" + created.body().get("reviewId").asText()).body();
    }

    static ObjectNode human(String id) {
        return Json.object().put("kind", "human").put("id", id).put("displayName", "Person " + id);
    }

    static Map<String, Object> approval(String versionId, String humanId) {
        return Map.of("versionId", versionId, "author", human(humanId));
    }

    static List<String> pointers(Api.Response response) {
        return StreamSupport.stream(response.body().path("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText())
                .toList();
    }

    static List<String> eventNames(Api api, String reviewId) {
        List<String> names = new ArrayList<>();
        api.get("/v1/reviews/" + reviewId + "/events")
                .body()
                .get("data")
                .forEach(e -> names.add(e.get("event").asText()));
        return names;
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(r -> r.get("id").asText())
                .toList();
    }
}
