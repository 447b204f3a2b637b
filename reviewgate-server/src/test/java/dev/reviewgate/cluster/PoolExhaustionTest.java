package dev.reviewgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** With every pooled connection taken, a request gets a 503 within the pool's wait instead of hanging. */
class PoolExhaustionTest extends ApiTest {

    @Test
    void anExhaustedPoolAnswers503QuicklyAndRecovers() {
        List<Handle> held = new ArrayList<>();
        try {
            while (true) {
                held.add(server.app().database().openHandle());
            }
        } catch (RuntimeException poolIsEmpty) {
            // every connection is held now
        }
        try {
            long start = System.nanoTime();
            Api.Response response = api.get("/v1/forms");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(millis).isLessThan(5_000);
        } finally {
            held.forEach(Handle::close);
        }
        assertThat(api.get("/v1/forms").status()).isEqualTo(200);
    }
}
