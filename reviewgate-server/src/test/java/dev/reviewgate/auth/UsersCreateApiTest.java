package dev.reviewgate.auth;

import static dev.reviewgate.auth.UserFixtures.pointers;
import static dev.reviewgate.auth.UserFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/users}: a new user's defaults, e-mails unique in any case and account, and refused bodies. */
class UsersCreateApiTest extends ApiTest {

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

        Api.Response again = api.post("/v1/users", Map.of("email", email.toUpperCase(Locale.ROOT)));

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
}
