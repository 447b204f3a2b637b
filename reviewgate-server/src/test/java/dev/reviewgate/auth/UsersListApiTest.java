package dev.reviewgate.auth;

import static dev.reviewgate.auth.UserFixtures.ids;
import static dev.reviewgate.auth.UserFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/users}: pages in the order users were added, their limits, tenants, and API keys only. */
class UsersListApiTest extends ApiTest {

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
    void aWebSessionCannotCallTheApi() {
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);

        assertThat(admin.get("/v1/users").statusCode()).isEqualTo(401);
        assertThat(api.withKey(null).get("/v1/users").status()).isEqualTo(401);
    }
}
