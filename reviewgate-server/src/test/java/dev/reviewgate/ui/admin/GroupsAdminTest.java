package dev.reviewgate.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Users;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The groups admin page over plain HTTP: what it writes, what it refuses, and who may use it. */
class GroupsAdminTest extends ApiTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private String accountId;
    private Users users;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
        InstantSource clock = InstantSource.system();
        users = new Users(server.app().database(), new AccountRepository(), new Ids(clock), clock);
    }

    @Test
    void anAdminCreatesAGroupWithMembersTypedOnePerLineOrCommaSeparated() {
        String ann = email("ann");
        String bob = email("bob");
        users.create(accountId, ann, "Ann", "reviewer", PASSWORD);
        users.create(accountId, bob, "Bob", "reviewer", PASSWORD);
        String id = "web-" + SEQUENCE.incrementAndGet();

        HttpResponse<String> page = admin().post(
                        "/admin/groups",
                        Map.of(
                                "id",
                                id,
                                "name",
                                "Web group",
                                "members",
                                ann + "\r\n" + bob.toUpperCase(Locale.ROOT) + ", "));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Created group " + id);
        JsonNode group = api.get("/v1/groups/" + id).body();
        assertThat(group.get("members")).extracting(JsonNode::asText).containsExactly(ann, bob);
    }

    @Test
    void anUnknownMemberIsNamedAndTheDraftKept() {
        String id = "draft-" + SEQUENCE.incrementAndGet();

        HttpResponse<String> page =
                admin().post("/admin/groups", Map.of("id", id, "name", "Draft", "members", "ghost@example.com"));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("members: no user of this account has the e-mail ghost@example.com")
                .contains("value=\"" + id + "\"")
                .contains(">ghost@example.com</textarea>");
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void aTakenIdIsRefusedOnThePage() {
        String id = "taken-" + SEQUENCE.incrementAndGet();
        api.post("/v1/groups", Map.of("id", id, "name", "First", "members", List.of()));

        HttpResponse<String> page = admin().post("/admin/groups", Map.of("id", id, "name", "Second", "members", ""));

        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("already exists");
    }

    @Test
    void anAdminReplacesMembersThenDeletesTheGroup() {
        String kept = email("kept");
        users.create(accountId, kept, "Kept", "reviewer", PASSWORD);
        String id = "edit-" + SEQUENCE.incrementAndGet();
        api.post("/v1/groups", Map.of("id", id, "name", "Before", "members", List.of()));
        WebClient admin = admin();

        HttpResponse<String> saved = admin.post("/admin/groups/" + id, Map.of("name", "After", "members", kept));
        JsonNode group = api.get("/v1/groups/" + id).body();
        HttpResponse<String> deleted = admin.post("/admin/groups/" + id + "/delete", Map.of());

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(group.get("name").asText()).isEqualTo("After");
        assertThat(group.get("members")).extracting(JsonNode::asText).containsExactly(kept);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void changingOrDeletingAMissingGroupIs404() {
        WebClient admin = admin();

        assertThat(admin.post("/admin/groups/no-such-group", Map.of("name", "N", "members", ""))
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.post("/admin/groups/no-such-group/delete", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPostWithoutTheCsrfTokenIs403AndWritesNothing() {
        String id = "forged-" + SEQUENCE.incrementAndGet();

        HttpResponse<String> forged =
                admin().postWithoutToken("/admin/groups", Map.of("id", id, "name", "F", "members", ""));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void aReviewerGets403OnThePageAndItsForms() {
        String email = email("reviewer");
        users.create(accountId, email, "Reviewer", "reviewer", PASSWORD);
        String id = "kept-" + SEQUENCE.incrementAndGet();
        api.post("/v1/groups", Map.of("id", id, "name", "Kept", "members", List.of()));
        WebClient reviewer = WebClient.signIn(server.baseUrl(), email, PASSWORD);

        assertThat(reviewer.get("/admin/groups").statusCode()).isEqualTo(403);
        assertThat(reviewer.post("/admin/groups", Map.of("id", id + "-new", "name", "N", "members", ""))
                        .statusCode())
                .isEqualTo(403);
        assertThat(reviewer.post("/admin/groups/" + id + "/delete", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/v1/groups/" + id).status()).isEqualTo(200);
        assertThat(api.get("/v1/groups/" + id + "-new").status()).isEqualTo(404);
    }

    private WebClient admin() {
        return WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
    }

    private static String email(String name) {
        return name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "@example.com";
    }
}
