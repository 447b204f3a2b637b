package dev.reviewgate.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestServer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code /v1/groups}: create, read, replace, delete, pages, tenants, and concurrent creates and replacements. */
class GroupsApiTest extends ApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int CALLERS = 8;

    private String accountId;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
    }

    @Test
    void aGroupIsCreatedWithItsMembersSortedByEmail() {
        String id = uniqueId("billing");
        String bea = user(accountId, "b");
        String ann = user(accountId, "a");

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
        String dana = user(accountId, "dana");

        JsonNode group = api.post(
                        "/v1/groups", Map.of("id", id, "name", "Case", "members", List.of(dana.toUpperCase(), dana)))
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
        String known = user(accountId, "known");

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
        String theirs = user(tenant.accountId(), "theirs");

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
        String kept = user(accountId, "kept");
        String dropped = user(accountId, "dropped");
        String added = user(accountId, "added");
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
        String member = user(accountId, "member");
        api.post("/v1/groups", Map.of("id", id, "name", "Forgot", "members", List.of(member)));

        Api.Response refused = api.put("/v1/groups/" + id, Map.of("name", "Renamed"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/members");
        assertThat(members(api.get("/v1/groups/" + id).body())).containsExactly(member);
    }

    @Test
    void aPutWithAnUnknownMemberChangesNothing() {
        String id = uniqueId("atomic");
        String member = user(accountId, "member");
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
        api.post("/v1/groups", Map.of("id", id, "name", "Old", "members", List.of(user(accountId, "old"))));

        Api.Response deleted = api.delete("/v1/groups/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v1/groups/" + id).status()).isEqualTo(404);
        JsonNode again = api.post("/v1/groups", Map.of("id", id, "name", "New", "members", List.of()))
                .body();
        assertThat(members(again)).isEmpty();
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
        String member = user(tenant.accountId(), "member");
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
        String member = user(accountId, "mine");
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

    @Test
    void ofConcurrentCreatesOfOneIdExactlyOneIs201() {
        String id = uniqueId("race");
        List<String> users = IntStream.range(0, CALLERS)
                .mapToObj(i -> user(accountId, "racer" + i))
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
                .mapToObj(i -> user(accountId, "member" + i))
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
            assertThat(rows("SELECT COUNT(*) FROM group_members WHERE group_id = '" + id + "'"))
                    .isEqualTo(3);
        }
    }

    /** A user inserted directly (no password hash to compute): the groups API only needs them to exist. */
    private String user(String account, String name) {
        String email = name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-"
                + SEQUENCE.incrementAndGet() + "@example.com";
        String id = new Ids(InstantSource.system()).next("usr");
        server.app()
                .database()
                .write(h -> new AccountRepository()
                        .insertUser(
                                h,
                                account,
                                id,
                                email,
                                name,
                                "reviewer",
                                "not-a-password-hash",
                                System.currentTimeMillis()));
        return email;
    }

    private long rows(String sql) {
        return server.app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String uniqueId(String name) {
        return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    private static List<String> members(JsonNode group) {
        List<String> out = new ArrayList<>();
        group.get("members").forEach(m -> out.add(m.asText()));
        return out;
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(g -> g.get("id").asText())
                .toList();
    }

    private static List<String> pointers(Api.Response response) {
        return StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText())
                .toList();
    }
}
