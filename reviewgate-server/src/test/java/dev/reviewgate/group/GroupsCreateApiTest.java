package dev.reviewgate.group;

import static dev.reviewgate.group.GroupFixtures.SEQUENCE;
import static dev.reviewgate.group.GroupFixtures.members;
import static dev.reviewgate.group.GroupFixtures.pointers;
import static dev.reviewgate.group.GroupFixtures.uniqueId;
import static dev.reviewgate.group.GroupFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/groups}: a group is created with its members, and each kind of bad body is refused. */
class GroupsCreateApiTest extends ApiTest {

    private String accountId;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
    }

    @Test
    void aGroupIsCreatedWithItsMembersSortedByEmail() {
        String id = uniqueId("billing");
        String bea = user(server, accountId, "b");
        String ann = user(server, accountId, "a");

        Api.Response created =
                api.post("/v1/groups", Map.of("id", id, "name", "Billing", "members", List.of(bea, ann)));

        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.body();
        assertThat(group.get("id").asText()).isEqualTo(id);
        assertThat(group.get("name").asText()).isEqualTo("Billing");
        assertThat(members(group)).containsExactly(ann, bea);
        assertThat(group.get("createdAt").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                .isEqualTo(group.get("updatedAt").asText());
        assertThat(api.get("/v1/groups/" + id).body()).isEqualTo(group);
    }

    @Test
    void membersAreMatchedInAnyLetterCaseAndListedOnce() {
        String id = uniqueId("case");
        String dana = user(server, accountId, "dana");

        JsonNode group = api.post(
                        "/v1/groups",
                        Map.of("id", id, "name", "Case", "members", List.of(dana.toUpperCase(Locale.ROOT), dana)))
                .body();

        assertThat(members(group)).containsExactly(dana);
    }

    @Test
    void aGroupMayHaveNoMembers() {
        String id = uniqueId("empty");

        Api.Response created = api.post("/v1/groups", Map.of("id", id, "name", "Nobody yet", "members", List.of()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(members(created.body())).isEmpty();
    }

    @Test
    void aTakenIdIs409() {
        String id = uniqueId("taken");
        api.post("/v1/groups", Map.of("id", id, "name", "First", "members", List.of()));

        Api.Response again = api.post("/v1/groups", Map.of("id", id, "name", "Second", "members", List.of()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v1/groups/" + id).body().get("name").asText()).isEqualTo("First");
    }

    @Test
    void unknownMemberEmailsAre422WithAPointerEach() {
        String id = uniqueId("unknown");
        String known = user(server, accountId, "known");

        Api.Response refused = api.post(
                "/v1/groups",
                Map.of(
                        "id",
                        id,
                        "name",
                        "Unknown",
                        "members",
                        List.of(known, "ghost@example.com", known, "nobody@example.com")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/members/1", "/members/3");
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void aUserOfAnotherAccountIsAnUnknownMember() {
        TestServer.Tenant tenant = server.newAccount();
        String theirs = user(server, tenant.accountId(), "theirs");

        Api.Response refused =
                api.post("/v1/groups", Map.of("id", uniqueId("x"), "name", "X", "members", List.of(theirs)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/members/0");
    }

    @Test
    void badIdsAre422() {
        for (String bad : List.of("has space", "slash/inside", "é", "x".repeat(65), "", ".", "..")) {
            Api.Response refused = api.post("/v1/groups", Map.of("id", bad, "name", "Bad", "members", List.of()));
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(pointers(refused)).as(bad).containsExactly("/id");
        }
        assertThat(api.post(
                                "/v1/groups",
                                Map.of("id", "A-z_0." + SEQUENCE.incrementAndGet(), "name", "Ok", "members", List.of()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void missingAndMistypedMembersOfTheBodyAre422WithAPointerEach() {
        Api.Response refused = api.post("/v1/groups", Map.of("color", "blue"));
        Api.Response mistyped =
                api.post("/v1/groups", Map.of("id", uniqueId("typed"), "name", 7, "members", List.of(1, "")));

        assertThat(pointers(refused)).containsExactlyInAnyOrder("/color", "/id", "/name", "/members");
        assertThat(pointers(mistyped)).containsExactlyInAnyOrder("/name", "/members/0", "/members/1");
    }

    @Test
    void membersThatAreNotAnArrayAre422() {
        Api.Response refused =
                api.post("/v1/groups", Map.of("id", uniqueId("str"), "name", "S", "members", "a@example.com"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/members");
    }
}
