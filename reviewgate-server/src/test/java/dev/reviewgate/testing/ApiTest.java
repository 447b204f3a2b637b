package dev.reviewgate.testing;

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
        server = TestServer.start(database);
        api = server.api();
        setUp();
    }

    @AfterParameterizedClassInvocation
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Per-database fixture, e.g. the forms a suite needs. */
    protected void setUp() {
    }
}
