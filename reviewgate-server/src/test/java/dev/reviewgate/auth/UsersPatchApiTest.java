package dev.reviewgate.auth;

import static dev.reviewgate.auth.UserFixtures.PASSWORD;
import static dev.reviewgate.auth.UserFixtures.pointers;
import static dev.reviewgate.auth.UserFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PATCH /v1/users/{id}}: each member changes alone, an active admin is kept, disabling signs out. */
class UsersPatchApiTest extends ApiTest {

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
}
