package dev.reviewgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code /v1/users}: list, add, change role and disabled; unique e-mails and a kept admin under concurrency. */
class UsersApiTest extends ApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a-long-enough-password";

    @Test
    void aNewUserIsAReviewerNamedByTheirEmailUnlessTold() {
        String email = unique("rita");

        Api.Response created = api.post("/v1/users", Map.of("email", email));

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.body();
        assertThat(user.get("id").asText()).startsWith("usr_");
        assertThat(user.get("email").asText()).isEqualTo(email);
        assertThat(user.get("name").asText()).isEqualTo(email);
        assertThat(user.get("role").asText()).isEqualTo("reviewer");
        assertThat(user.get("disabled").asBoolean()).isFalse();
        assertThat(user.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void anAdminIsAddedWithItsNameAndNoPasswordIsShown() {
        String email = unique("ada");

        JsonNode user = api.post("/v1/users", Map.of("email", email, "name", "Ada Admin", "role", "admin"))
                .body();

        assertThat(user.get("role").asText()).isEqualTo("admin");
        assertThat(user.get("name").asText()).isEqualTo("Ada Admin");
        assertThat(user.has("password")).isFalse();
        assertThat(user.size()).isEqualTo(6);
    }

    @Test
    void anEmailTakenInAnotherLetterCaseIs409() {
        String email = unique("case");
        api.post("/v1/users", Map.of("email", email));

        Api.Response again = api.post("/v1/users", Map.of("email", email.toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anEmailTakenInAnotherAccountIs409() {
        String email = unique("taken");
        server.otherAccountApi().post("/v1/users", Map.of("email", email));

        assertThat(api.post("/v1/users", Map.of("email", email)).status()).isEqualTo(409);
    }

    @Test
    void badMembersAre422WithAPointerEach() {
        Api.Response refused =
                api.post("/v1/users", Map.of("email", "not-an-email", "role", "owner", "password", "hunter2hunter2"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/email", "/role", "/password");
    }

    @Test
    void aMissingEmailIs422() {
        Api.Response refused = api.post("/v1/users", Map.of("name", "Nobody"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactly("/email");
    }

    @Test
    void anEmailWithSpacesOrTwoAtSignsIs422() {
        for (String bad :
                List.of("dana @example.com", "dana@@example.com", "@example.com", "dana@", "dana@example.com.")) {
            Api.Response refused = api.post("/v1/users", Map.of("email", bad));
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(pointers(refused)).as(bad).containsExactly("/email");
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIs422() {
        assertThat(api.post("/v1/users", List.of("a@example.com")).status()).isEqualTo(422);
    }

    @Test
    void theListIsPagedInTheOrderUsersWereAdded() {
        Api tenant = server.otherAccountApi();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            ids.add(tenant.post("/v1/users", Map.of("email", unique(name)))
                    .body()
                    .get("id")
                    .asText());
        }

        JsonNode first = tenant.get("/v1/users?limit=2").body();
        JsonNode second = tenant.get(
                        "/v1/users?limit=2&cursor=" + first.get("nextCursor").asText())
                .body();

        assertThat(ids(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(ids(second)).containsExactly(ids.get(2));
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aLimitOutsideOneTo200AnUnknownParameterOrAForgedCursorIs400() {
        for (String query : List.of("limit=0", "limit=201", "limit=ten", "sort=email", "cursor=not-a-cursor!")) {
            assertThat(api.get("/v1/users?" + query).status()).as(query).isEqualTo(400);
        }
        assertThat(api.get("/v1/users?limit=200").status()).isEqualTo(200);
    }

    @Test
    void anotherAccountsUsersAreNeitherListedNorChangeable() {
        Api tenant = server.otherAccountApi();
        String theirs = tenant.post("/v1/users", Map.of("email", unique("theirs")))
                .body()
                .get("id")
                .asText();

        assertThat(ids(api.get("/v1/users?limit=200").body())).doesNotContain(theirs);
        assertThat(api.patch("/v1/users/" + theirs, Map.of("disabled", true)).status())
                .isEqualTo(404);
        assertThat(tenant.get("/v1/users")
                        .body()
                        .get("data")
                        .get(0)
                        .get("disabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void anUnknownUserIs404() {
        assertThat(api.patch("/v1/users/usr_nobody", Map.of("role", "admin")).status())
                .isEqualTo(404);
    }

    @Test
    void aPatchChangesOnlyWhatItNames() {
        String id = api.post("/v1/users", Map.of("email", unique("patch"), "role", "reviewer"))
                .body()
                .get("id")
                .asText();

        JsonNode promoted =
                api.patch("/v1/users/" + id, Map.of("role", "admin")).body();
        JsonNode disabled =
                api.patch("/v1/users/" + id, Map.of("disabled", true)).body();
        Api.Response untouched = api.patch("/v1/users/" + id, Map.of());

        assertThat(promoted.get("role").asText()).isEqualTo("admin");
        assertThat(promoted.get("disabled").asBoolean()).isFalse();
        assertThat(disabled.get("role").asText()).isEqualTo("admin");
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        assertThat(untouched.status()).isEqualTo(200);
        assertThat(untouched.body()).isEqualTo(disabled);
    }

    @Test
    void aPatchWithABadRoleADisabledThatIsNotABooleanOrAnUnknownMemberIs422() {
        String id = api.post("/v1/users", Map.of("email", unique("bad-patch")))
                .body()
                .get("id")
                .asText();

        Api.Response refused = api.patch("/v1/users/" + id, Map.of("role", "root", "disabled", "yes", "email", "x@y"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/role", "/disabled", "/email");
        assertThat(api.patch("/v1/users/" + id, Map.of()).body().get("role").asText())
                .isEqualTo("reviewer");
    }

    @Test
    void theLastActiveAdminCanNeitherBeDemotedNorDisabled() {
        Api tenant = server.otherAccountApi();
        String admin = tenant.post("/v1/users", Map.of("email", unique("last"), "role", "admin"))
                .body()
                .get("id")
                .asText();

        assertThat(tenant.patch("/v1/users/" + admin, Map.of("role", "reviewer"))
                        .status())
                .isEqualTo(409);
        assertThat(tenant.patch("/v1/users/" + admin, Map.of("disabled", true)).status())
                .isEqualTo(409);
        assertThat(tenant.patch("/v1/users/" + admin, Map.of("role", "admin", "disabled", false))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aReviewerInAnAccountWithoutAdminsCanStillBeChanged() {
        Api tenant = server.otherAccountApi();
        String reviewer = tenant.post("/v1/users", Map.of("email", unique("alone")))
                .body()
                .get("id")
                .asText();

        assertThat(tenant.patch("/v1/users/" + reviewer, Map.of("disabled", true))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aWebSessionCannotCallTheApi() {
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);

        assertThat(admin.get("/v1/users").statusCode()).isEqualTo(401);
        assertThat(api.withKey(null).get("/v1/users").status()).isEqualTo(401);
    }

    @Test
    void disablingAUserEndsTheirWebSession() {
        String email = unique("signed-in");
        InstantSource clock = InstantSource.system();
        String id = new Users(server.app().database(), new AccountRepository(), new Ids(clock), clock)
                .create(server.app().credentials().orElseThrow().accountId(), email, "Signed in", "reviewer", PASSWORD);
        WebClient reviewer = WebClient.signIn(server.baseUrl(), email, PASSWORD);
        assertThat(reviewer.get("/inbox").statusCode()).isEqualTo(200);

        api.patch("/v1/users/" + id, Map.of("disabled", true));

        HttpResponse<String> after = reviewer.get("/inbox");
        assertThat(after.statusCode()).isBetween(300, 399);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void ofConcurrentAddsOfOneEmailInAnyCaseExactlyOneIs201() {
        String email = unique("race");

        List<Api.Response> responses = Concurrently.run(
                8,
                i -> api.post(
                        "/v1/users", Map.of("email", i % 2 == 0 ? email : email.toUpperCase(), "name", "Racer " + i)));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    }

    @Test
    void twoAdminsDemotedAtOnceLeaveOneActiveAdmin() {
        for (int round = 0; round < 5; round++) {
            Api tenant = server.otherAccountApi();
            String first = tenant.post("/v1/users", Map.of("email", unique("first"), "role", "admin"))
                    .body()
                    .get("id")
                    .asText();
            String second = tenant.post("/v1/users", Map.of("email", unique("second"), "role", "admin"))
                    .body()
                    .get("id")
                    .asText();

            List<Api.Response> responses = Concurrently.run(
                    2,
                    i -> i == 0
                            ? tenant.patch("/v1/users/" + first, Map.of("role", "reviewer"))
                            : tenant.patch("/v1/users/" + second, Map.of("disabled", true)));

            assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
            assertThat(activeAdmins(tenant)).isEqualTo(1);
        }
    }

    @Test
    void concurrentPatchesOfDifferentMembersAreBothKept() {
        for (int round = 0; round < 5; round++) {
            String id = api.post("/v1/users", Map.of("email", unique("both")))
                    .body()
                    .get("id")
                    .asText();

            Concurrently.run(
                    2, i -> api.patch("/v1/users/" + id, i == 0 ? Map.of("role", "admin") : Map.of("disabled", true)));

            JsonNode user = api.patch("/v1/users/" + id, Map.of()).body();
            assertThat(user.get("role").asText()).isEqualTo("admin");
            assertThat(user.get("disabled").asBoolean()).isTrue();
        }
    }

    private static long activeAdmins(Api tenant) {
        return StreamSupport.stream(tenant.get("/v1/users").body().get("data").spliterator(), false)
                .filter(u -> u.get("role").asText().equals("admin")
                        && !u.get("disabled").asBoolean())
                .count();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(u -> u.get("id").asText())
                .toList();
    }

    private static List<String> pointers(Api.Response response) {
        return StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText())
                .toList();
    }

    private static String unique(String name) {
        return name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet()
                + "@example.com";
    }
}
