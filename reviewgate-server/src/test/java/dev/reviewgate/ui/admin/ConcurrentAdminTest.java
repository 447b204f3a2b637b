package dev.reviewgate.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.auth.Users;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concurrent admin writes through the web app: unique e-mails, one revocation, never an account without an admin. */
class ConcurrentAdminTest extends ApiTest {

    private static final String PASSWORD = "a-long-enough-password";

    private String accountId;
    private Users users;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
        InstantSource clock = InstantSource.system();
        users = new Users(server.app().database(), new AccountRepository(), new Ids(clock), clock);
    }

    @Test
    void ofConcurrentAddsOfOneEmailInAnyCaseExactlyOneWins() {
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
        List<String> spellings =
                List.of("race@example.com", "Race@example.com", "RACE@example.com", "race@Example.com");

        List<HttpResponse<String>> responses = Concurrently.run(
                8,
                i -> admin.post(
                        "/admin/users",
                        Map.of(
                                "email",
                                spellings.get(i % spellings.size()),
                                "name",
                                "Racer " + i,
                                "password",
                                PASSWORD)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(rows("SELECT COUNT(*) FROM users WHERE lower(email) = 'race@example.com'"))
                .isEqualTo(1);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() {
        String tenant = newAccount();
        String first = users.create(tenant, "first-" + tenant + "@example.com", "First", "admin", PASSWORD);
        String second = users.create(tenant, "second-" + tenant + "@example.com", "Second", "admin", PASSWORD);
        WebClient firstAdmin = WebClient.signIn(server.baseUrl(), "first-" + tenant + "@example.com", PASSWORD);
        WebClient secondAdmin = WebClient.signIn(server.baseUrl(), "second-" + tenant + "@example.com", PASSWORD);

        for (int round = 0; round < 10; round++) {
            server.app()
                    .database()
                    .write(h -> h.createUpdate("UPDATE users SET role = 'admin', disabled = 0 WHERE account_id = :a")
                            .bind("a", tenant)
                            .execute());
            List<HttpResponse<String>> responses = Concurrently.run(
                    2,
                    i -> i == 0
                            ? firstAdmin.post("/admin/users/" + second, Map.of("role", "reviewer"))
                            : secondAdmin.post(
                                    "/admin/users/" + first, Map.of("role", "reviewer", "disabled", "true")));

            // The loser is refused by the rule (409) or, once the winner committed, as no longer an
            // admin (403) or no longer signed in (401: the winner disabled it).
            assertThat(responses)
                    .extracting(HttpResponse::statusCode)
                    .allMatch(s -> List.of(303, 401, 403, 409).contains(s));
            assertThat(responses).filteredOn(r -> r.statusCode() == 303).hasSize(1);
            assertThat(rows("SELECT COUNT(*) FROM users WHERE account_id = '" + tenant
                            + "' AND role = 'admin' AND disabled = 0"))
                    .isEqualTo(1);
        }
    }

    @Test
    void ofConcurrentRevocationsOfOneKeyExactlyOneApplies() {
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
        InstantSource clock = InstantSource.system();
        new Bootstrap(server.app().database(), new AccountRepository(), new Ids(clock), clock)
                .createApiKey(accountId, "to-revoke");
        String keyId = server.app()
                .database()
                .read(h -> h.createQuery("SELECT id FROM api_keys WHERE name = 'to-revoke'")
                        .mapTo(String.class)
                        .one());

        List<HttpResponse<String>> responses =
                Concurrently.run(8, i -> admin.post("/admin/api-keys/" + keyId + "/revoke", Map.of()));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(303, 404);
        assertThat(responses).filteredOn(r -> r.statusCode() == 303).hasSize(1);
    }

    private String newAccount() {
        String id = new Ids(InstantSource.system()).next("acc");
        server.app().database().write(h -> {
            new AccountRepository().insertAccount(h, id, "Demotions", System.currentTimeMillis());
            return null;
        });
        return id;
    }

    private long rows(String sql) {
        return server.app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
