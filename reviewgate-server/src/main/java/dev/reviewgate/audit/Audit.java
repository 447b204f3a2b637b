package dev.reviewgate.audit;

import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Actor;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * The audit log. Features call {@link #record} inside the transaction of the change it describes,
 * so an entry is committed with its change or not at all, and read it through {@link #each} and
 * {@link #verify}. Nothing here edits or deletes an entry.
 *
 * <p>Appending takes the account's chain head until commit: call {@link #record} as the last
 * statement of a transaction, after every other lock it takes, so that audited changes of one
 * account queue only for the moment of their commit and never wait on each other in a cycle.
 */
public final class Audit {

    /** The actor of changes made outside any request and without a named actor (start-up, the command line). */
    public static final Actor SYSTEM = new Actor(Actor.AGENT, "reviewgate", "Reviewgate");

    /** What {@code GET /v1/audit/verify} answers. */
    public record Verification(boolean ok, long entries, Long firstBad) {}

    private Audit() {}

    /**
     * Appends {@code event} at {@code now} to its account's chain, with the request's actor, channel,
     * client address and user agent unless the event names its own actor or channel.
     */
    public static AuditEntry record(Handle h, long now, AuditEvent event) {
        Origin request = RequestScope.origin();
        Origin origin = Origin.of(
                event.via() != null ? event.via() : request.via(), request.clientAddress(), request.userAgent());
        Optional<Actor> caller = RequestScope.actor();
        Actor actor = event.actor() != null ? event.actor() : caller.orElse(SYSTEM);
        AuditEvent stored =
                new AuditEvent(event.accountId(), event.action(), actor, null, event.reviewId(), event.details());
        if (caller.isPresent() && !caller.get().equals(actor)) {
            // An API key that names a human author acts for them: both are on record.
            stored = stored.with("requestedBy", caller.get().toJson());
        }
        AuditRepository.Link link = AuditRepository.advance(h, event.accountId());
        AuditEntry unsigned = new AuditEntry(link.seq(), now, stored, origin, link.prevHash(), null);
        AuditEntry entry =
                new AuditEntry(link.seq(), now, stored, origin, link.prevHash(), AuditChain.hashOf(unsigned));
        AuditRepository.insert(h, entry);
        return entry;
    }

    /** Hands the account's entries that {@code query} selects to {@code sink} as they are read, in {@code seq} order. */
    public static void each(Database database, String accountId, AuditQuery query, Consumer<AuditEntry> sink) {
        database.readStreaming(h -> {
            AuditRepository.each(h, accountId, query, sink);
            return null;
        });
    }

    /**
     * Recomputes the account's chain from its first entry to the head as it was when the check
     * began (entries appended meanwhile are left for the next check).
     */
    public static Verification verify(Database database, String accountId) {
        return database.readStreaming(h -> {
            long head = AuditRepository.headSeq(h, accountId);
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            AuditRepository.each(h, accountId, new AuditQuery(0, head, AuditQuery.Filter.NONE, null), verifier::accept);
            verifier.end(head);
            return new Verification(verifier.firstBad() == null, verifier.entries(), verifier.firstBad());
        });
    }
}
