package dev.reviewgate.audit;

import static dev.reviewgate.audit.AuditExports.export;
import static dev.reviewgate.audit.AuditExports.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/audit/verify} recomputes the chain and names the first entry changed behind its back. */
class AuditVerifyApiTest extends ApiTest {

    @Test
    void anUntouchedChainVerifies() {
        TestServer.Tenant tenant = tenantWithEntries(4);

        JsonNode result = verify(tenant.api());

        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("entries").asLong()).isEqualTo(5);
        assertThat(result.get("firstBad").isNull()).isTrue();
    }

    @Test
    void anEntryAlteredInTheDatabaseIsNamedInFirstBad() {
        TestServer.Tenant tenant = tenantWithEntries(4);

        alter(tenant.accountId(), 3, "UPDATE audit_entries SET details = '{\"groupId\":\"someone-else\"}'");

        JsonNode result = verify(tenant.api());
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("firstBad").asLong()).isEqualTo(3);
        assertThat(result.get("entries").asLong()).isEqualTo(5);
    }

    @Test
    void anEntryRehashedToHideTheChangeBreaksTheLinkOfTheNext() {
        TestServer.Tenant tenant = tenantWithEntries(4);

        alter(
                tenant.accountId(),
                2,
                "UPDATE audit_entries SET action = 'group.deleted', hash = '" + "ab".repeat(32) + "'");

        assertThat(verify(tenant.api()).get("firstBad").asLong()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryIsFoundWhereTheChainBreaks() {
        TestServer.Tenant tenant = tenantWithEntries(4);

        alter(tenant.accountId(), 4, "DELETE FROM audit_entries");

        assertThat(verify(tenant.api()).get("firstBad").asLong()).isEqualTo(5);
    }

    @Test
    void aCutOffTailIsFoundFromTheChainHead() {
        TestServer.Tenant tenant = tenantWithEntries(4);

        alter(tenant.accountId(), 5, "DELETE FROM audit_entries");

        JsonNode result = verify(tenant.api());
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("firstBad").asLong()).isEqualTo(5);
    }

    @Test
    void theExportedEntriesRecomputeWithTheSpecsFormula() {
        TestServer.Tenant tenant = tenantWithEntries(2);

        for (JsonNode entry : export(tenant.api(), "")) {
            ObjectNode withoutHash = entry.deepCopy();
            withoutHash.remove("hash");
            String expected =
                    CanonicalJson.sha256Hex(entry.get("prevHash").asText() + CanonicalJson.canonicalize(withoutHash));
            assertThat(entry.get("hash").asText()).isEqualTo(expected);
        }
    }

    /** A new account: its API key entry, then {@code groups} group creations. */
    private TestServer.Tenant tenantWithEntries(int groups) {
        TestServer.Tenant tenant = server.newAccount();
        for (int i = 0; i < groups; i++) {
            tenant.api().post("/v1/groups", Map.of("id", "g" + i, "name", "Group " + i, "members", List.of()));
        }
        return tenant;
    }

    private void alter(String accountId, long seq, String statement) {
        server.app()
                .database()
                .write(h -> h.createUpdate(statement + " WHERE account_id = :a AND seq = :seq")
                        .bind("a", accountId)
                        .bind("seq", seq)
                        .execute());
    }
}
