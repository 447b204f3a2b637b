package dev.reviewgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The chain rules as the spec states them, on entries built in memory. */
class AuditChainTest {

    private static final Origin ORIGIN = new Origin(Via.WEB, "203.0.113.7", "Firefox");

    @Test
    void theHashIsSha256OfPrevHashAndTheCanonicalEntryWithoutHash() throws Exception {
        AuditEntry entry = entry(1, AuditChain.GENESIS);
        String canonical = "{\"action\":\"group.created\",\"actor\":{\"displayName\":null,\"id\":\"usr_1\","
                + "\"kind\":\"human\"},\"clientAddress\":\"203.0.113.7\",\"details\":{\"groupId\":\"legal\"},"
                + "\"prevHash\":\"" + AuditChain.GENESIS + "\",\"seq\":1,\"time\":\"2026-12-01T10:00:00.000Z\","
                + "\"userAgent\":\"Firefox\",\"via\":\"web\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((AuditChain.GENESIS + canonical).getBytes(StandardCharsets.UTF_8));

        assertThat(AuditChain.hashOf(entry)).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void reviewIdIsPartOfTheEntryOnlyWhenThereIsOne() {
        assertThat(AuditChain.withoutHash(entry(1, AuditChain.GENESIS)).has("reviewId"))
                .isFalse();
    }

    @Test
    void aLinkedChainVerifies() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        AuditEntry first = signed(entry(1, AuditChain.GENESIS));
        AuditEntry second = signed(entry(2, first.hash()));
        verifier.accept(first);
        verifier.accept(second);
        verifier.end(2);

        assertThat(verifier.firstBad()).isNull();
        assertThat(verifier.entries()).isEqualTo(2);
    }

    @Test
    void anEntryThatDoesNotLinkToThePreviousIsTheFirstBad() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        verifier.accept(signed(entry(1, AuditChain.GENESIS)));
        verifier.accept(signed(entry(2, AuditChain.GENESIS)));

        assertThat(verifier.firstBad()).isEqualTo(2);
    }

    @Test
    void aHeadBeyondTheLastEntryMeansTheTailIsMissing() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        verifier.accept(signed(entry(1, AuditChain.GENESIS)));
        verifier.end(3);

        assertThat(verifier.firstBad()).isEqualTo(2);
    }

    private static AuditEntry entry(long seq, String prevHash) {
        AuditEvent event = new AuditEvent(
                "acc_1",
                "group.created",
                new Actor(Actor.HUMAN, "usr_1", null),
                null,
                null,
                Json.object().put("groupId", "legal"));
        return new AuditEntry(seq, 1_796_119_200_000L, event, ORIGIN, prevHash, null);
    }

    private static AuditEntry signed(AuditEntry e) {
        return new AuditEntry(e.seq(), e.time(), e.event(), e.origin(), e.prevHash(), AuditChain.hashOf(e));
    }
}
