package dev.reviewgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import java.util.Arrays;
import java.util.List;

/** Reads {@code GET /v1/audit} as a client would: one JSON object per line. */
final class AuditExports {

    private AuditExports() {}

    static List<JsonNode> export(Api api, String query) {
        Api.Response response = api.get("/v1/audit" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        return Arrays.stream(response.text().split("\n"))
                .filter(line -> !line.isEmpty())
                .map(Json::parse)
                .toList();
    }

    /** The {@code seq} of the account's last entry, the cursor to read what happens next. */
    static long lastSeq(Api api) {
        List<JsonNode> all = export(api, "");
        return all.isEmpty() ? 0 : all.get(all.size() - 1).get("seq").asLong();
    }

    static JsonNode only(List<JsonNode> entries, String action) {
        List<JsonNode> matching = entries.stream()
                .filter(e -> e.get("action").asText().equals(action))
                .toList();
        assertThat(matching)
                .as("entries with action " + action + " in " + entries)
                .hasSize(1);
        return matching.get(0);
    }

    static JsonNode verify(Api api) {
        Api.Response response = api.get("/v1/audit/verify");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }
}
