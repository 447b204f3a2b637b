package dev.reviewgate.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Concurrent form writes: revisions stay contiguous, one create wins, and nothing answers 5xx. */
class ConcurrentFormRevisionTest extends ApiTest {

    private static final int CALLERS = 8;

    @Test
    void concurrentPutsOnAFormMakeContiguousRevisions() {
        api.post("/v1/forms", form("put-race", "Revision 1"));

        List<Api.Response> responses = Concurrently.run(
                CALLERS, i -> api.put("/v1/forms/put-race", form("put-race", "Revision by caller " + i)));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200);
        assertThat(responses)
                .extracting(r -> r.body().get("revision").asInt())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(2, CALLERS + 1).boxed().toList());
        assertThat(revisions("put-race"))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, CALLERS + 1).boxed().toList());
        assertThat(api.get("/v1/forms/put-race").body().get("revision").asInt()).isEqualTo(CALLERS + 1);
    }

    @Test
    void concurrentPutsOfANewFormCreateItOnceThenRevise() {
        List<Api.Response> responses =
                Concurrently.run(CALLERS, i -> api.put("/v1/forms/put-new", form("put-new", "Caller " + i)));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(revisions("put-new"))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, CALLERS).boxed().toList());
    }

    @Test
    void ofConcurrentCreatesOfOneFormExactlyOneWins() {
        List<Api.Response> responses =
                Concurrently.run(CALLERS, i -> api.post("/v1/forms", form("create-race", "Caller " + i)));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.header("Content-Type").startsWith("application/problem+json"));
        assertThat(revisions("create-race")).containsExactly(1);
    }

    private static ObjectNode form(String id, String name) {
        ObjectNode form = (ObjectNode) Fixtures.blogForm();
        form.put("id", id);
        form.put("name", name);
        return form;
    }

    private List<Integer> revisions(String formId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT revision FROM form_revisions WHERE form_id = :id ORDER BY revision")
                        .bind("id", formId)
                        .mapTo(Integer.class)
                        .list());
    }
}
