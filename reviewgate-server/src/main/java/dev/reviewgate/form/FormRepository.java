package dev.reviewgate.form;

import dev.reviewgate.json.Json;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for forms and their immutable revisions. */
public final class FormRepository {

    /** One revision of a form as stored. */
    public record StoredForm(FormDefinition definition, int revision, long createdAt, long updatedAt) {
    }

    public Optional<StoredForm> current(Handle h, String accountId, String formId) {
        return h.createQuery("""
                        SELECT r.definition, r.revision, f.created_at, f.updated_at
                        FROM forms f JOIN form_revisions r
                          ON r.account_id = f.account_id AND r.form_id = f.id AND r.revision = f.current_revision
                        WHERE f.account_id = :a AND f.id = :id""")
                .bind("a", accountId).bind("id", formId)
                .map((rs, ctx) -> new StoredForm(FormParser.parse(Json.parse(rs.getString(1))), rs.getInt(2),
                        rs.getLong(3), rs.getLong(4)))
                .findOne();
    }

    public Optional<StoredForm> revision(Handle h, String accountId, String formId, int revision) {
        return h.createQuery("""
                        SELECT definition, revision, created_at FROM form_revisions
                        WHERE account_id = :a AND form_id = :id AND revision = :revision""")
                .bind("a", accountId).bind("id", formId).bind("revision", revision)
                .map((rs, ctx) -> new StoredForm(FormParser.parse(Json.parse(rs.getString(1))), rs.getInt(2),
                        rs.getLong(3), rs.getLong(3)))
                .findOne();
    }

    /** Current revisions, ordered by id; keyset-paginated after {@code afterId}. */
    public List<StoredForm> list(Handle h, String accountId, String afterId, int limit) {
        return h.createQuery("""
                        SELECT r.definition, r.revision, f.created_at, f.updated_at
                        FROM forms f JOIN form_revisions r
                          ON r.account_id = f.account_id AND r.form_id = f.id AND r.revision = f.current_revision
                        WHERE f.account_id = :a AND f.id > :after ORDER BY f.id LIMIT :limit""")
                .bind("a", accountId).bind("after", afterId == null ? "" : afterId).bind("limit", limit)
                .map((rs, ctx) -> new StoredForm(FormParser.parse(Json.parse(rs.getString(1))), rs.getInt(2),
                        rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public void insert(Handle h, String accountId, FormDefinition form, long now) {
        h.createUpdate("""
                        INSERT INTO forms (account_id, id, current_revision, created_at, updated_at)
                        VALUES (:a, :id, 1, :now, :now)""")
                .bind("a", accountId).bind("id", form.id()).bind("now", now).execute();
        insertRevision(h, accountId, form, 1, now);
    }

    /** Adds the next revision; reviews already created keep the revision they pinned. */
    public int revise(Handle h, String accountId, FormDefinition form, int currentRevision, long now) {
        int next = currentRevision + 1;
        insertRevision(h, accountId, form, next, now);
        h.createUpdate("UPDATE forms SET current_revision = :rev, updated_at = :now WHERE account_id = :a AND id = :id")
                .bind("rev", next).bind("now", now).bind("a", accountId).bind("id", form.id()).execute();
        return next;
    }

    private void insertRevision(Handle h, String accountId, FormDefinition form, int revision, long now) {
        h.createUpdate("""
                        INSERT INTO form_revisions (account_id, form_id, revision, definition, created_at)
                        VALUES (:a, :id, :rev, :definition, :now)""")
                .bind("a", accountId).bind("id", form.id()).bind("rev", revision)
                .bind("definition", Json.write(form.toJson())).bind("now", now).execute();
    }
}
