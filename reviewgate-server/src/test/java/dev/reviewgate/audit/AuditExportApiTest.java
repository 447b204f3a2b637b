package dev.reviewgate.audit;

import static dev.reviewgate.audit.AuditExports.export;
import static dev.reviewgate.audit.AuditExports.lastSeq;
import static dev.reviewgate.audit.AuditExports.only;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export holds every audited action with the spec's members, in {@code seq} order, filtered by since, until and cursor. */
class AuditExportApiTest extends ApiTest {

    private static final String ADMIN = "admin@example.com";
    private static final List<String> MEMBERS = List.of(
            "seq", "time", "action", "actor", "via", "clientAddress", "userAgent", "details", "prevHash", "hash");

    @Override
    protected Settings settings(String databaseUrl) {
        return TestServer.settings(
                databaseUrl,
                Settings.DEFAULT_MAX_BODY_BYTES,
                new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32"))),
                Settings.DEFAULT_WEBHOOK_TIMEOUT);
    }

    @Test
    void apiActionsAreExportedWithActorViaClientAndDetails() {
        api.put("/v1/forms/audited", json("{'name':'Audited','fields':[{'id':'t','type':'text'}]}"));
        long cursor = lastSeq(api);
        String userId = api.post("/v1/users", Map.of("email", "ines@example.com", "name", "Ines"))
                .body()
                .get("id")
                .asText();
        api.patch("/v1/users/" + userId, Map.of("role", "admin"));
        api.post("/v1/groups", Map.of("id", "legal", "name", "Legal", "members", List.of("ines@example.com")));
        api.put("/v1/groups/legal", Map.of("name", "Legal team", "members", List.of()));
        api.delete("/v1/groups/legal");
        api.post("/v1/forms", json("{'id':'memo','name':'Memo','fields':[{'id':'t','type':'text'}]}"));
        api.put("/v1/forms/memo", json("{'name':'Memo v2','fields':[{'id':'t','type':'text'}]}"));
        String webhookId = api.post("/v1/webhooks", Map.of("url", "http://127.0.0.1:9/hook"))
                .body()
                .get("id")
                .asText();
        api.post("/v1/webhooks/" + webhookId + "/rotate-secret", Map.of());
        api.delete("/v1/webhooks/" + webhookId);
        JsonNode created = review();
        String approved = created.get("reviewId").asText();
        JsonNode version = created.get("versionId");
        api.post(
                "/v1/reviews/" + approved + "/approve",
                Map.of(
                        "versionId",
                        version.asText(),
                        "author",
                        Map.of("kind", "human", "id", "dana", "displayName", "Dana")));
        JsonNode other = review();
        String rejected = other.get("reviewId").asText();
        api.post(
                "/v1/reviews/" + rejected + "/reject",
                Map.of("versionId", other.get("versionId").asText(), "reason", "off topic"));

        List<JsonNode> entries = export(api, "cursor=" + cursor);

        assertThat(entries)
                .allSatisfy(e -> assertThat(e.fieldNames()).toIterable().containsAll(MEMBERS));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("via").asText()).isEqualTo("api");
            assertThat(e.get("clientAddress").asText()).isNotBlank();
            assertThat(e.get("userAgent").asText()).startsWith("Java-http-client");
            assertThat(Instant.parse(e.get("time").asText())).isNotNull();
        });
        assertThat(only(entries, "user.created").get("details").get("email").asText())
                .isEqualTo("ines@example.com");
        assertThat(only(entries, "user.created").get("actor").get("kind").asText())
                .isEqualTo("agent");
        assertThat(only(entries, "user.updated").get("details").get("role").asText())
                .isEqualTo("admin");
        assertThat(only(entries, "user.updated")
                        .get("details")
                        .get("previousRole")
                        .asText())
                .isEqualTo("reviewer");
        assertThat(only(entries, "group.created").get("details").get("members"))
                .extracting(JsonNode::asText)
                .containsExactly("ines@example.com");
        assertThat(only(entries, "group.replaced").get("details").get("name").asText())
                .isEqualTo("Legal team");
        assertThat(only(entries, "group.deleted").get("details").get("groupId").asText())
                .isEqualTo("legal");
        assertThat(only(entries, "form.created").get("details").get("revision").asInt())
                .isEqualTo(1);
        assertThat(only(entries, "form.revised").get("details").get("revision").asInt())
                .isEqualTo(2);
        assertThat(only(entries, "webhook.created")
                        .get("details")
                        .get("webhookId")
                        .asText())
                .isEqualTo(webhookId);
        assertThat(only(entries, "webhook.secret_rotated")
                        .get("details")
                        .get("webhookId")
                        .asText())
                .isEqualTo(webhookId);
        assertThat(only(entries, "webhook.deleted")
                        .get("details")
                        .get("webhookId")
                        .asText())
                .isEqualTo(webhookId);
        JsonNode approval = only(entries, "review.approved");
        assertThat(approval.get("reviewId").asText()).isEqualTo(approved);
        assertThat(approval.get("actor").get("id").asText()).isEqualTo("dana");
        assertThat(approval.get("details").get("versionId").asText()).isEqualTo(version.asText());
        assertThat(approval.get("details").get("requestedBy").get("kind").asText())
                .isEqualTo("agent");
        JsonNode rejection = only(entries, "review.rejected");
        assertThat(rejection.get("reviewId").asText()).isEqualTo(rejected);
        assertThat(rejection.get("details").get("reason").asText()).isEqualTo("off topic");
    }

    @Test
    void webSignInsFailuresKeysAndSignOutsAreExportedAsWeb() throws Exception {
        long cursor = lastSeq(api);
        HttpResponse<String> failed = postLogin(ADMIN, "not the password");
        assertThat(failed.statusCode()).isEqualTo(401);
        WebClient web = WebClient.signIn(server.baseUrl(), ADMIN, TestServer.ADMIN_PASSWORD);
        web.post("/admin/api-keys", Map.of("name", "ci"));
        String keyId = only(export(api, "cursor=" + cursor), "api_key.created")
                .get("details")
                .get("apiKeyId")
                .asText();
        web.post("/admin/api-keys/" + keyId + "/revoke", Map.of());
        web.post("/logout", Map.of());

        List<JsonNode> entries = export(api, "cursor=" + cursor);

        JsonNode failure = only(entries, "session.sign_in_failed");
        assertThat(failure.get("via").asText()).isEqualTo("web");
        assertThat(failure.get("details").get("reason").asText()).isEqualTo("wrong_password");
        assertThat(failure.get("details").get("email").asText()).isEqualTo(ADMIN);
        JsonNode signIn = only(entries, "session.signed_in");
        assertThat(signIn.get("actor").get("kind").asText()).isEqualTo("human");
        assertThat(signIn.get("details").get("method").asText()).isEqualTo("password");
        String adminId = signIn.get("actor").get("id").asText();
        assertThat(only(entries, "api_key.created").get("actor").get("id").asText())
                .isEqualTo(adminId);
        assertThat(only(entries, "api_key.revoked")
                        .get("details")
                        .get("apiKeyId")
                        .asText())
                .isEqualTo(keyId);
        assertThat(only(entries, "session.signed_out").get("actor").get("id").asText())
                .isEqualTo(adminId);
        assertThat(entries).allSatisfy(e -> assertThat(e.get("via").asText()).isEqualTo("web"));
        assertThat(entries).extracting(e -> e.get("userAgent").asText()).contains("audit-test-browser");
    }

    @Test
    void entriesComeInSeqOrderEachLinkedToThePreviousHash() {
        api.post("/v1/groups", Map.of("id", "chain", "name", "Chain", "members", List.of()));
        List<JsonNode> entries = export(api, "");

        assertThat(entries.get(0).get("seq").asLong()).isEqualTo(1);
        assertThat(entries.get(0).get("prevHash").asText()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("seq").asLong()).isEqualTo(i + 1L);
            assertThat(entries.get(i).get("prevHash").asText())
                    .isEqualTo(entries.get(i - 1).get("hash").asText());
        }
    }

    @Test
    void cursorContinuesAfterTheSeqAndLimitStopsThere() {
        for (int i = 0; i < 3; i++) {
            api.post("/v1/groups", Map.of("id", "page-" + i, "name", "Page " + i, "members", List.of()));
        }
        long last = lastSeq(api);

        List<JsonNode> page = export(api, "cursor=" + (last - 3) + "&limit=2");

        assertThat(page).extracting(e -> e.get("seq").asLong()).containsExactly(last - 2, last - 1);
        assertThat(export(api, "cursor=" + last)).isEmpty();
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() throws InterruptedException {
        api.post("/v1/groups", Map.of("id", "before", "name", "Before", "members", List.of()));
        Thread.sleep(20);
        api.post("/v1/groups", Map.of("id", "between", "name", "Between", "members", List.of()));
        Thread.sleep(20);
        api.post("/v1/groups", Map.of("id", "after", "name", "After", "members", List.of()));
        List<JsonNode> all = export(api, "");
        String between = timeOfGroup(all, "between");
        String after = timeOfGroup(all, "after");

        List<JsonNode> window = export(api, "since=" + between + "&until=" + after);

        assertThat(window)
                .extracting(e -> e.get("details").get("groupId").asText())
                .containsExactly("between");
        assertThat(export(api, "since=" + after))
                .extracting(e -> e.get("details").path("groupId").asText())
                .contains("after")
                .doesNotContain("before", "between");
    }

    @Test
    void badParametersAre400AndNoRouteChangesAnEntry() {
        assertThat(api.get("/v1/audit?since=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/v1/audit?cursor=-1").status()).isEqualTo(400);
        assertThat(api.get("/v1/audit?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/audit?seq=1").status()).isEqualTo(400);
        assertThat(api.delete("/v1/audit").status()).isEqualTo(405);
        assertThat(api.put("/v1/audit", Map.of()).status()).isEqualTo(405);
        assertThat(api.withKey(null).get("/v1/audit").status()).isEqualTo(401);
    }

    @Test
    void anAccountExportsOnlyItsOwnEntries() {
        TestServer.Tenant other = server.newAccount();
        other.api().post("/v1/groups", Map.of("id", "theirs", "name", "Theirs", "members", List.of()));

        List<JsonNode> theirs = export(other.api(), "");

        assertThat(theirs)
                .extracting(e -> e.get("action").asText())
                .containsExactly("api_key.created", "group.created");
        assertThat(theirs.get(0).get("seq").asLong()).isEqualTo(1);
    }

    private JsonNode review() {
        return api.post("/v1/reviews", Map.of("formId", "audited", "fields", Map.of("t", "x")))
                .body();
    }

    private static String timeOfGroup(List<JsonNode> entries, String groupId) {
        return entries.stream()
                .filter(e -> e.get("details").path("groupId").asText().equals(groupId))
                .findFirst()
                .orElseThrow()
                .get("time")
                .asText();
    }

    private HttpResponse<String> postLogin(String email, String password) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", server.baseUrl())
                                .header("User-Agent", "audit-test-browser")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "email=" + email + "&password=" + password.replace(' ', '+')))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
