package dev.reviewgate.group;

import static dev.reviewgate.group.GroupFixtures.members;
import static dev.reviewgate.group.GroupFixtures.rows;
import static dev.reviewgate.group.GroupFixtures.uniqueId;
import static dev.reviewgate.group.GroupFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code /v1/groups} under concurrency: one winner among creates of one id, no mix of replacements. */
class GroupsConcurrencyApiTest extends ApiTest {

    private static final int CALLERS = 8;

    private String accountId;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
    }

    @Test
    void ofConcurrentCreatesOfOneIdExactlyOneIs201() {
        String id = uniqueId("race");
        List<String> users = IntStream.range(0, CALLERS)
                .mapToObj(i -> user(server, accountId, "racer" + i))
                .toList();

        List<Api.Response> responses = Concurrently.run(
                CALLERS,
                i -> api.post("/v1/groups", Map.of("id", id, "name", "Caller " + i, "members", List.of(users.get(i)))));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        JsonNode winner = responses.stream()
                .filter(r -> r.status() == 201)
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(api.get("/v1/groups/" + id).body()).isEqualTo(winner);
    }

    @Test
    void concurrentReplacementsLeaveExactlyOneCallersMembers() {
        List<String> users = IntStream.range(0, CALLERS)
                .mapToObj(i -> user(server, accountId, "member" + i))
                .toList();
        // Overlapping lists: a mix of two callers' writes would show as a list nobody sent.
        List<List<String>> lists = IntStream.range(0, CALLERS)
                .mapToObj(i -> List.of(users.get(i), users.get((i + 1) % CALLERS), users.get((i + 3) % CALLERS)))
                .toList();
        for (int round = 0; round < 5; round++) {
            String id = uniqueId("replace-race");
            api.post("/v1/groups", Map.of("id", id, "name", "Start", "members", users));

            List<Api.Response> responses = Concurrently.run(
                    CALLERS, i -> api.put("/v1/groups/" + id, Map.of("name", "Caller " + i, "members", lists.get(i))));

            assertThat(responses).extracting(Api.Response::status).containsOnly(200);
            JsonNode last = api.get("/v1/groups/" + id).body();
            int caller = Integer.parseInt(last.get("name").asText().substring("Caller ".length()));
            assertThat(members(last)).containsExactlyInAnyOrderElementsOf(lists.get(caller));
            assertThat(rows(server, "SELECT COUNT(*) FROM group_members WHERE group_id = '" + id + "'"))
                    .isEqualTo(3);
        }
    }
}
