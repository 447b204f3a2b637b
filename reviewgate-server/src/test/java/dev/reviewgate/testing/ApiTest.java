package dev.reviewgate.testing;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.NetworkPolicy;
import java.time.InstantSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of the API suites: each test class runs once on SQLite and once on PostgreSQL, against one
 * real server started for that database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest {

    @Parameter
    protected TestDatabase database;

    protected TestServer server;
    protected Api api;

    @BeforeParameterizedClassInvocation
    void startServer() {
        server = TestServer.start(settings(database.newDatabaseUrl()), clock());
        api = server.api();
        setUp();
    }

    /** The server's settings; suites that need another network policy or timeout override this. */
    protected Settings settings(String databaseUrl) {
        return TestServer.settings(
                databaseUrl, Settings.DEFAULT_MAX_BODY_BYTES, NetworkPolicy.strict(), Settings.DEFAULT_WEBHOOK_TIMEOUT);
    }

    /** The server's clock; real time unless a suite moves it. */
    protected InstantSource clock() {
        return InstantSource.system();
    }

    @AfterParameterizedClassInvocation
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Per-database fixture, e.g. the forms a suite needs. */
    protected void setUp() {}
}
