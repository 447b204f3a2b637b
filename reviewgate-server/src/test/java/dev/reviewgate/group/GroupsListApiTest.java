package dev.reviewgate.group;

import static dev.reviewgate.group.GroupFixtures.ids;
import static dev.reviewgate.group.GroupFixtures.members;
import static dev.reviewgate.group.GroupFixtures.uniqueId;
import static dev.reviewgate.group.GroupFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/groups}: pages by id, their limits, and tenants that never see each other's groups. */
class GroupsListApiTest extends ApiTest {

    private String accountId;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
    }

    @Test
    void theListIsPagedById() {
        Api tenant = server.otherAccountApi();
        for (String id : List.of("c-group", "a-group", "b-group")) {
            tenant.post("/v1/groups", Map.of("id", id, "name", id, "members", List.of()));
        }

        JsonNode first = tenant.get("/v1/groups?limit=2").body();
        JsonNode second = tenant.get(
                        "/v1/groups?limit=2&cursor=" + first.get("nextCursor").asText())
                .body();

        assertThat(ids(first)).containsExactly("a-group", "b-group");
        assertThat(ids(second)).containsExactly("c-group");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aPageHolds50GroupsUnlessToldOtherwise() {
        TestServer.Tenant tenant = server.newAccount();
        String member = user(server, tenant.accountId(), "member");
        for (int i = 0; i < 51; i++) {
            tenant.api().post("/v1/groups", Map.of("id", "g" + (100 + i), "name", "G", "members", List.of(member)));
        }

        JsonNode page = tenant.api().get("/v1/groups").body();

        assertThat(page.get("data")).hasSize(50);
        assertThat(page.get("data").get(0).get("members")).hasSize(1);
        assertThat(ids(tenant.api()
                        .get("/v1/groups?cursor=" + page.get("nextCursor").asText())
                        .body()))
                .containsExactly("g150");
    }

    @Test
    void aLimitOutsideOneTo200AnUnknownParameterOrAForgedCursorIs400() {
        for (String query : List.of("limit=0", "limit=201", "limit=-1", "name=x", "cursor=abc")) {
            assertThat(api.get("/v1/groups?" + query).status()).as(query).isEqualTo(400);
        }
    }

    @Test
    void anotherAccountNeitherSeesNorChangesAGroupAndMayUseItsId() {
        String id = uniqueId("mine");
        String member = user(server, accountId, "mine");
        api.post("/v1/groups", Map.of("id", id, "name", "Mine", "members", List.of(member)));
        Api other = server.otherAccountApi();

        assertThat(other.get("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(other.put("/v1/groups/" + id, Map.of("name", "Theirs", "members", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(other.delete("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(ids(other.get("/v1/groups").body())).isEmpty();
        assertThat(other.post("/v1/groups", Map.of("id", id, "name", "Theirs", "members", List.of()))
                        .status())
                .isEqualTo(201);
        JsonNode mine = api.get("/v1/groups/" + id).body();
        assertThat(mine.get("name").asText()).isEqualTo("Mine");
        assertThat(members(mine)).containsExactly(member);
    }
}
