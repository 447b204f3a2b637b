package dev.reviewgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * With every pooled connection taken, a request gets a 503 when the pool's wait runs out instead
 * of hanging (a hung request would fail on the test client's own timeout).
 */
class PoolExhaustionTest extends ApiTest {

    @Test
    void anExhaustedPoolAnswers503AndRecovers() {
        List<Handle> held = new ArrayList<>();
        try {
            while (true) {
                held.add(server.app().database().openHandle());
            }
        } catch (RuntimeException poolIsEmpty) {
            // every connection is held now
        }
        try {
            Api.Response response = api.get("/v1/forms");
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isEqualTo("1");
        } finally {
            held.forEach(Handle::close);
        }
        assertThat(api.get("/v1/forms").status()).isEqualTo(200);
    }
}
