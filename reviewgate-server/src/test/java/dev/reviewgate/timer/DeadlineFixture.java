package dev.reviewgate.timer;

import static dev.reviewgate.testing.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What the deadline suites share: a blog form, reviews with a deadline, and waiting for the worker. */
final class DeadlineFixture {

    static final String FORM = "deadline-blog";

    private final Api api;
    private final TestClock clock;

    DeadlineFixture(Api api, TestClock clock) {
        this.api = api;
        this.clock = clock;
    }

    void createForm() {
        ObjectNode form = (ObjectNode) Fixtures.blogForm();
        form.put("id", FORM);
        api.post("/v1/forms", form);
    }

    /** A new review carrying these extra members (e.g. {@code deadline}, {@code remind}); its id. */
    String create(String extraMembers) {
        ObjectNode body = (ObjectNode) json("{'formId':'" + FORM + "'," + extraMembers + "}");
        body.set("fields", Fixtures.blogFields("Post", "https://cdn.example.com/a.jpg"));
        Api.Response created = api.post("/v1/reviews", body);
        if (created.status() != 201) {
            throw new AssertionError("review not created: " + created.text());
        }
        return created.body().get("reviewId").asText();
    }

    JsonNode review(String id) {
        return api.get("/v1/reviews/" + id).body();
    }

    List<JsonNode> events(String id) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/v1/reviews/" + id + "/events").body().get("data").forEach(out::add);
        return out;
    }

    List<String> eventNames(String id) {
        return events(id).stream().map(e -> e.get("event").asText()).toList();
    }

    /** Moves the server's clock, as if that much time had passed. */
    void pass(Duration d) {
        clock.advance(d);
    }

    /** Polls the review until {@code test} holds (10 s of real time at most): the worker runs on its own. */
    JsonNode await(String id, Predicate<JsonNode> test) {
        long giveUp = System.currentTimeMillis() + 10_000;
        JsonNode last = review(id);
        while (!test.test(last)) {
            if (System.currentTimeMillis() > giveUp) {
                throw new AssertionError("the review never reached the expected state: " + last);
            }
            pause(25);
            last = review(id);
        }
        return last;
    }

    JsonNode awaitDecision(String id) {
        // The status, not the decision member: a read outside a transaction can see the decision row
        // a moment before the review row it was committed with.
        return await(
                id, r -> Set.of("approved", "rejected").contains(r.get("status").asText()));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
