package dev.reviewgate.group;

import static dev.reviewgate.group.GroupFixtures.members;
import static dev.reviewgate.group.GroupFixtures.pointers;
import static dev.reviewgate.group.GroupFixtures.uniqueId;
import static dev.reviewgate.group.GroupFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PUT} and {@code DELETE /v1/groups/{id}}: a replacement is whole or nothing, a deleted group is gone. */
class GroupsReplaceApiTest extends ApiTest {

    private String accountId;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
    }

    @Test
    void anUnknownGroupIs404() {
        assertThat(api.get("/v1/groups/no-such-group").status()).isEqualTo(404);
        assertThat(api.put("/v1/groups/no-such-group", Map.of("name", "N", "members", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/v1/groups/no-such-group").status()).isEqualTo(404);
    }

    @Test
    void aPutReplacesTheNameAndEveryMember() throws InterruptedException {
        String id = uniqueId("replace");
        String kept = user(server, accountId, "kept");
        String dropped = user(server, accountId, "dropped");
        String added = user(server, accountId, "added");
        JsonNode before = api.post("/v1/groups", Map.of("id", id, "name", "Before", "members", List.of(kept, dropped)))
                .body();
        Thread.sleep(5);

        Api.Response replaced = api.put("/v1/groups/" + id, Map.of("name", "After", "members", List.of(added, kept)));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().get("name").asText()).isEqualTo("After");
        assertThat(members(replaced.body())).containsExactlyInAnyOrder(kept, added);
        assertThat(replaced.body().get("createdAt")).isEqualTo(before.get("createdAt"));
        assertThat(replaced.body().get("updatedAt").asText())
                .isGreaterThan(before.get("updatedAt").asText());
        assertThat(api.get("/v1/groups/" + id).body()).isEqualTo(replaced.body());
    }

    @Test
    void aPutMayRepeatTheIdButNotNameAnother() {
        String id = uniqueId("same");
        api.post("/v1/groups", Map.of("id", id, "name", "Same", "members", List.of()));

        Api.Response same = api.put("/v1/groups/" + id, Map.of("id", id, "name", "Same again", "members", List.of()));
        Api.Response other =
                api.put("/v1/groups/" + id, Map.of("id", id + "-other", "name", "Other", "members", List.of()));

        assertThat(same.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(422);
        assertThat(pointers(other)).containsExactly("/id");
    }

    @Test
    void aPutWithoutMembersIs422RatherThanAnEmptiedGroup() {
        String id = uniqueId("forgot");
        String member = user(server, accountId, "member");
        api.post("/v1/groups", Map.of("id", id, "name", "Forgot", "members", List.of(member)));

        Api.Response refused = api.put("/v1/groups/" + id, Map.of("name", "Renamed"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/members");
        assertThat(members(api.get("/v1/groups/" + id).body())).containsExactly(member);
    }

    @Test
    void aPutWithAnUnknownMemberChangesNothing() {
        String id = uniqueId("atomic");
        String member = user(server, accountId, "member");
        api.post("/v1/groups", Map.of("id", id, "name", "Atomic", "members", List.of(member)));

        Api.Response refused =
                api.put("/v1/groups/" + id, Map.of("name", "Renamed", "members", List.of("ghost@example.com")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/members/0");
        JsonNode unchanged = api.get("/v1/groups/" + id).body();
        assertThat(unchanged.get("name").asText()).isEqualTo("Atomic");
        assertThat(members(unchanged)).containsExactly(member);
    }

    @Test
    void aDeletedGroupIsGoneAndItsIdCanBeUsedAgainWithoutItsMembers() {
        String id = uniqueId("deleted");
        api.post("/v1/groups", Map.of("id", id, "name", "Old", "members", List.of(user(server, accountId, "old"))));

        Api.Response deleted = api.delete("/v1/groups/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/groups/" + id).status()).isEqualTo(404);
        JsonNode again = api.post("/v1/groups", Map.of("id", id, "name", "New", "members", List.of()))
                .body();
        assertThat(members(again)).isEmpty();
    }
}
