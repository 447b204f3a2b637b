package dev.reviewgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestClock;
import dev.reviewgate.testing.TestServer;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * Valid keys are remembered briefly so requests skip a database round trip. A key revoked where
 * this instance cannot see it (another instance, or SQL) stops working within the remembered
 * time; an unknown key is never remembered, so a key created elsewhere works at once.
 */
class ApiKeyMemoryTest extends ApiTest {

    private final TestClock clock = new TestClock();

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @Test
    void aKeyRevokedElsewhereStopsWorkingWithinTheRememberedTime() {
        String key = insertKey("key_elsewhere");
        assertThat(api.withKey(key).get("/v1/forms").status()).isEqualTo(200);

        server.app()
                .database()
                .write(h -> h.createUpdate("UPDATE api_keys SET revoked_at = 1 WHERE id = 'key_elsewhere'")
                        .execute());
        assertThat(api.withKey(key).get("/v1/forms").status())
                .as("still remembered")
                .isEqualTo(200);

        clock.advance(ApiKeyAuthenticator.REMEMBERED);
        assertThat(api.withKey(key).get("/v1/forms").status()).isEqualTo(401);
    }

    @Test
    void anUnknownKeyIsNotRememberedSoAKeyCreatedElsewhereWorksAtOnce() {
        String key = Secrets.newApiKey();
        assertThat(api.withKey(key).get("/v1/forms").status()).isEqualTo(401);
        insertKey("key_late", key);
        assertThat(api.withKey(key).get("/v1/forms").status()).isEqualTo(200);
    }

    private String insertKey(String id) {
        return insertKey(id, Secrets.newApiKey());
    }

    private String insertKey(String id, String key) {
        server.app().database().write(h -> {
            String account = h.createQuery("SELECT account_id FROM api_keys WHERE key_hash = :hash")
                    .bind("hash", Secrets.hash(TestServer.API_KEY))
                    .mapTo(String.class)
                    .one();
            new AccountRepository().insertApiKey(h, account, id, id, Secrets.hash(key), Secrets.displayPrefix(key), 0);
            return null;
        });
        return key;
    }
}
