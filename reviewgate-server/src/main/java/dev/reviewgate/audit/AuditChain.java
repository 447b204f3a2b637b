package dev.reviewgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;

/**
 * The hash chain: {@code hash = lowercase hex sha256(prevHash + JCS(entry without hash))}, the
 * first {@code prevHash} 64 zeros. {@link Verifier} walks a chain in {@code seq} order and finds the
 * first entry that does not recompute or does not link to the one before it.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The entry as exported, with its hash. */
    public static ObjectNode toJson(AuditEntry entry) {
        return withoutHash(entry).put("hash", entry.hash());
    }

    /** Every member but {@code hash}, as it is hashed; {@code reviewId} only when there is one. */
    public static ObjectNode withoutHash(AuditEntry entry) {
        AuditEvent event = entry.event();
        ObjectNode out = Json.object()
                .put("seq", entry.seq())
                .put("time", Times.iso(entry.time()))
                .put("action", event.action());
        out.set("actor", event.actor().toJson());
        out.put(
                "via",
                entry.origin().via() == null ? null : entry.origin().via().wire());
        out.put("clientAddress", entry.origin().clientAddress());
        out.put("userAgent", entry.origin().userAgent());
        if (event.reviewId() != null) {
            out.put("reviewId", event.reviewId());
        }
        out.set("details", event.details());
        out.put("prevHash", entry.prevHash());
        return out;
    }

    /** The hash {@code entry} must carry, whatever it carries now. */
    public static String hashOf(AuditEntry entry) {
        return CanonicalJson.sha256Hex(entry.prevHash() + CanonicalJson.canonicalize(withoutHash(entry)));
    }

    /** Checks entries handed to it in {@code seq} order; the first bad one is remembered. */
    public static final class Verifier {

        private String expectedPrev = GENESIS;
        private long expectedSeq = 1;
        private long entries;
        private Long firstBad;

        public void accept(AuditEntry entry) {
            entries++;
            if (firstBad != null) {
                return;
            }
            boolean linked = entry.seq() == expectedSeq && entry.prevHash().equals(expectedPrev);
            if (!linked || !hashOf(entry).equals(entry.hash())) {
                firstBad = entry.seq();
            }
            expectedPrev = entry.hash();
            expectedSeq = entry.seq() + 1;
        }

        /** After the last entry: the chain head says how far the chain goes, so a cut-off tail is found too. */
        public void end(long headSeq) {
            if (firstBad == null && headSeq >= expectedSeq) {
                firstBad = expectedSeq;
            }
        }

        public long entries() {
            return entries;
        }

        /** The {@code seq} of the first entry that does not recompute or link, or null when all do. */
        public Long firstBad() {
            return firstBad;
        }
    }
}
