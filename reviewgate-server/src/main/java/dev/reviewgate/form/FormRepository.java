package dev.reviewgate.form;

import dev.reviewgate.cache.CacheChanges;
import dev.reviewgate.cache.SharedCache;
import dev.reviewgate.json.Json;
import dev.reviewgate.support.BoundedCache;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for forms and their immutable revisions. Because a revision never changes once committed,
 * parsed revisions are kept in memory: a decision or an update reads its form without a round
 * trip, and a create parses the current revision only the first time it sees it. Which revision is
 * current is remembered too, for creates only ({@link #currentForCreate}).
 */
public final class FormRepository {

    /** One revision of a form as stored. */
    public record StoredForm(FormDefinition definition, int revision, long createdAt, long updatedAt) {}

    private record RevisionKey(String accountId, String formId, int revision) {}

    /** {@code storedChars}: the length of the stored definition, the weight it has in the cache. */
    private record Revision(FormDefinition definition, long createdAt, long storedChars) {}

    private record FormRow(int currentRevision, long createdAt, long updatedAt) {}

    private static final long MAX_CACHED_CHARS = 64 << 10;

    /**
     * Bounded by the stored size of what it keeps, not by count: a definition may be as large as a
     * request body, and parsed it takes many times that. 4 Mi characters hold thousands of typical
     * forms; a definition over {@link #MAX_CACHED_CHARS} is parsed from the database each time instead.
     */
    private final BoundedCache<RevisionKey, Revision> revisions =
            BoundedCache.immutable(4L << 20, Revision::storedChars);

    /** Which revision of each form is current: what every create reads first. */
    private final SharedCache<FormRow> currentRows;

    public FormRepository(CacheChanges caches) {
        this.currentRows = caches.cache("forms", 10_000);
    }

    /** The current revision as committed: for whoever changes the form, under its lock. */
    public Optional<StoredForm> current(Handle h, String accountId, String formId) {
        return Optional.ofNullable(currentRow(h, accountId, formId)).flatMap(row -> stored(h, accountId, formId, row));
    }

    /**
     * The same for a create, from memory after the first time (see {@link SharedCache}). A
     * revision committed on another instance a moment ago may not be seen yet: the review then pins
     * the revision before it, as if it had been created a moment earlier.
     */
    public Optional<StoredForm> currentForCreate(Handle h, String accountId, String formId) {
        return Optional.ofNullable(currentRows.get(accountId, formId, () -> currentRow(h, accountId, formId)))
                .flatMap(row -> stored(h, accountId, formId, row));
    }

    private static FormRow currentRow(Handle h, String accountId, String formId) {
        return h.createQuery("""
                        SELECT f.current_revision, f.created_at, f.updated_at FROM forms f
                        WHERE f.account_id = :a AND f.id = :id""")
                .bind("a", accountId)
                .bind("id", formId)
                .map((rs, ctx) -> new FormRow(rs.getInt(1), rs.getLong(2), rs.getLong(3)))
                .findOne()
                .orElse(null);
    }

    private Optional<StoredForm> stored(Handle h, String accountId, String formId, FormRow row) {
        return revision(h, accountId, formId, row.currentRevision())
                .map(r -> new StoredForm(r.definition(), r.revision(), row.createdAt(), row.updatedAt()));
    }

    /** One revision; read from memory after the first time, since a committed revision never changes. */
    public Optional<StoredForm> revision(Handle h, String accountId, String formId, int revision) {
        RevisionKey key = new RevisionKey(accountId, formId, revision);
        Optional<Revision> known = revisions.get(key);
        if (known.isEmpty()) {
            known = h.createQuery("""
                            SELECT definition, created_at FROM form_revisions
                            WHERE account_id = :a AND form_id = :id AND revision = :revision""")
                    .bind("a", accountId)
                    .bind("id", formId)
                    .bind("revision", revision)
                    .map((rs, ctx) -> {
                        String stored = rs.getString(1);
                        return new Revision(FormParser.parse(Json.parse(stored)), rs.getLong(2), stored.length());
                    })
                    .findOne();
            known.filter(r -> r.storedChars() <= MAX_CACHED_CHARS).ifPresent(r -> revisions.put(key, r));
        }
        return known.map(r -> new StoredForm(r.definition(), revision, r.createdAt(), r.createdAt()));
    }

    /**
     * The revision a review pinned at creation. It always exists (reviews reference it by foreign
     * key and revisions are never deleted), so a miss is a bug, not a 404.
     */
    public FormDefinition pinned(Handle h, String accountId, String formId, int revision) {
        return revision(h, accountId, formId, revision)
                .orElseThrow(
                        () -> new IllegalStateException("pinned revision " + revision + " of " + formId + " is gone"))
                .definition();
    }

    /** Current revisions, ordered by id; keyset-paginated after {@code afterId}. */
    public List<StoredForm> list(Handle h, String accountId, String afterId, int limit) {
        return h.createQuery("""
                        SELECT r.definition, r.revision, f.created_at, f.updated_at
                        FROM forms f JOIN form_revisions r
                          ON r.account_id = f.account_id AND r.form_id = f.id AND r.revision = f.current_revision
                        WHERE f.account_id = :a AND f.id > :after ORDER BY f.id LIMIT :limit""")
                .bind("a", accountId)
                .bind("after", afterId == null ? "" : afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> new StoredForm(
                        FormParser.parse(Json.parse(rs.getString(1))), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Takes the form's row for the rest of the transaction; false when there is no such form. */
    public boolean lock(Handle h, String accountId, String formId) {
        return h.createUpdate("UPDATE forms SET updated_at = updated_at WHERE account_id = :a AND id = :id")
                        .bind("a", accountId)
                        .bind("id", formId)
                        .execute()
                == 1;
    }

    /** Revision 1 of a new form; false (and nothing written) when the form already exists. */
    public boolean insertNew(Handle h, String accountId, FormDefinition form, long now) {
        boolean created = h.createUpdate("""
                        INSERT INTO forms (account_id, id, current_revision, created_at, updated_at)
                        VALUES (:a, :id, 1, :now, :now) ON CONFLICT DO NOTHING""")
                        .bind("a", accountId)
                        .bind("id", form.id())
                        .bind("now", now)
                        .execute()
                == 1;
        if (created) {
            currentRows.changed(h, accountId);
            insertRevision(h, accountId, form, 1, now);
        }
        return created;
    }

    /**
     * Adds the next revision of an existing form, advancing the form's row first so that concurrent
     * revisions queue on its lock and number themselves 2, 3, 4, …; empty when there is no such form.
     * Reviews already created keep the revision they pinned.
     */
    public Optional<StoredForm> revise(Handle h, String accountId, FormDefinition form, long now) {
        Optional<FormRow> advanced = h.createQuery("""
                        UPDATE forms SET current_revision = current_revision + 1, updated_at = :now
                        WHERE account_id = :a AND id = :id
                        RETURNING current_revision, created_at, updated_at""")
                .bind("now", now)
                .bind("a", accountId)
                .bind("id", form.id())
                .map((rs, ctx) -> new FormRow(rs.getInt(1), rs.getLong(2), rs.getLong(3)))
                .findOne();
        advanced.ifPresent(row -> {
            currentRows.changed(h, accountId);
            insertRevision(h, accountId, form, row.currentRevision(), now);
        });
        return advanced.map(row -> new StoredForm(form, row.currentRevision(), row.createdAt(), row.updatedAt()));
    }

    private void insertRevision(Handle h, String accountId, FormDefinition form, int revision, long now) {
        h.createUpdate("""
                        INSERT INTO form_revisions (account_id, form_id, revision, definition, created_at)
                        VALUES (:a, :id, :rev, :definition, :now)""")
                .bind("a", accountId)
                .bind("id", form.id())
                .bind("rev", revision)
                .bind("definition", Json.write(form.toJson()))
                .bind("now", now)
                .execute();
    }
}
