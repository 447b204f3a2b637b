package dev.reviewgate.auth;

import static dev.reviewgate.auth.UserFixtures.activeAdmins;
import static dev.reviewgate.auth.UserFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /v1/users} under concurrency: unique e-mails in any case, a kept admin, and both of two patches kept. */
class UsersConcurrencyApiTest extends ApiTest {

    @Test
    void ofConcurrentAddsOfOneEmailInAnyCaseExactlyOneIs201() {
        String email = unique("race");

        List<Api.Response> responses = Concurrently.run(
                8,
                i -> api.post(
                        "/v1/users",
                        Map.of("email", i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT), "name", "Racer " + i)));

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
}
