package dev.reviewgate.webhook;

import dev.reviewgate.cache.CacheChanges;
import dev.reviewgate.cache.SharedCache;
import dev.reviewgate.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for webhook endpoints and the account signing secret. The endpoints that planning fans an
 * event out to are remembered per account ({@link #forPlanning}); every change to an endpoint
 * goes through here and makes every instance forget them.
 */
public final class EndpointRepository {

    private static final String COLUMNS = """
            account_id, id, url, events, form_id, secret, previous_secret, rotated_at, created_at, disabled_at,
            disabled_reason""";

    private final SharedCache<List<Endpoint>> planned;

    public EndpointRepository(CacheChanges caches) {
        this.planned = caches.cache("webhook_endpoints", 10_000);
    }

    public void insert(Handle h, Endpoint e) {
        planned.changed(h, e.accountId());
        h.createUpdate("INSERT INTO webhook_endpoints (" + COLUMNS + """
                        ) VALUES (:a, :id, :url, :events, :form, :secret, NULL, NULL, :created, NULL, NULL)""")
                .bind("a", e.accountId())
                .bind("id", e.id())
                .bind("url", e.url())
                .bind("events", e.events() == null ? null : Json.write(e.events()))
                .bind("form", e.formId())
                .bind("secret", e.secret())
                .bind("created", e.createdAt())
                .execute();
    }

    public Optional<Endpoint> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT " + COLUMNS
                        + " FROM webhook_endpoints WHERE account_id = :a AND id = :id AND deleted_at IS NULL")
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> endpoint(rs))
                .findOne();
    }

    /**
     * {@link #list}, from memory after the first time (see {@link SharedCache}): what every event
     * is planned against. An endpoint added on another instance a moment ago may not be seen yet,
     * as if the event had come a moment earlier.
     */
    public List<Endpoint> forPlanning(Handle h, String accountId) {
        return planned.get(accountId, "", () -> List.copyOf(list(h, accountId)));
    }

    /** Live endpoints, oldest first (an account has few). */
    public List<Endpoint> list(Handle h, String accountId) {
        return h.createQuery(
                        "SELECT " + COLUMNS
                                + " FROM webhook_endpoints WHERE account_id = :a AND deleted_at IS NULL ORDER BY created_at, id")
                .bind("a", accountId)
                .map((rs, ctx) -> endpoint(rs))
                .list();
    }

    public boolean delete(Handle h, String accountId, String id, long now) {
        planned.changed(h, accountId);
        return h.createUpdate(
                                "UPDATE webhook_endpoints SET deleted_at = :now WHERE account_id = :a AND id = :id AND deleted_at IS NULL")
                        .bind("now", now)
                        .bind("a", accountId)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** A 410 from the receiver: stop sending until someone re-enables or replaces the endpoint. */
    public void disable(Handle h, String accountId, String id, String reason, long now) {
        planned.changed(h, accountId);
        h.createUpdate(
                        "UPDATE webhook_endpoints SET disabled_at = :now, disabled_reason = :reason WHERE account_id = :a AND id = :id AND disabled_at IS NULL")
                .bind("now", now)
                .bind("reason", reason)
                .bind("a", accountId)
                .bind("id", id)
                .execute();
    }

    /** Rotates a live endpoint's secret and returns it as rotated; empty when there is no such endpoint. */
    public Optional<Endpoint> rotate(Handle h, String accountId, String id, String newSecret, long now) {
        planned.changed(h, accountId);
        return h.createQuery("""
                        UPDATE webhook_endpoints SET previous_secret = secret, secret = :secret, rotated_at = :now
                        WHERE account_id = :a AND id = :id AND deleted_at IS NULL
                        RETURNING """ + " " + COLUMNS)
                .bind("secret", newSecret)
                .bind("now", now)
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> endpoint(rs))
                .findOne();
    }

    /** The account secret that signs per-review and per-form webhook URLs; created on first use (a write). */
    public SigningSecret signingSecret(Handle h, String accountId, long now) {
        h.createUpdate("INSERT INTO signing_secrets (account_id, secret) VALUES (:a, :secret) ON CONFLICT DO NOTHING")
                .bind("a", accountId)
                .bind("secret", Signer.newSecret())
                .execute();
        return existingSigningSecret(h, accountId).orElseThrow();
    }

    /** The account secret if it was ever created; a plain read. */
    public Optional<SigningSecret> existingSigningSecret(Handle h, String accountId) {
        return h.createQuery("SELECT secret, previous_secret, rotated_at FROM signing_secrets WHERE account_id = :a")
                .bind("a", accountId)
                .map((rs, ctx) -> new SigningSecret(rs.getString(1), rs.getString(2), nullableLong(rs, 3)))
                .findOne();
    }

    /** Rotates the account secret (creating it first if need be) and returns it as this rotation left it. */
    public SigningSecret rotateSigningSecret(Handle h, String accountId, String newSecret, long now) {
        signingSecret(h, accountId, now);
        return h.createQuery("""
                        UPDATE signing_secrets SET previous_secret = secret, secret = :secret, rotated_at = :now
                        WHERE account_id = :a RETURNING secret, previous_secret, rotated_at""")
                .bind("secret", newSecret)
                .bind("now", now)
                .bind("a", accountId)
                .map((rs, ctx) -> new SigningSecret(rs.getString(1), rs.getString(2), nullableLong(rs, 3)))
                .one();
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        String events = rs.getString("events");
        List<String> eventList = null;
        if (events != null) {
            eventList = new ArrayList<>();
            for (var node : Json.parse(events)) {
                eventList.add(node.asText());
            }
        }
        return new Endpoint(
                rs.getString("account_id"),
                rs.getString("id"),
                rs.getString("url"),
                eventList,
                rs.getString("form_id"),
                new SigningSecret(
                        rs.getString("secret"), rs.getString("previous_secret"), nullableLong(rs, "rotated_at")),
                rs.getLong("created_at"),
                nullableLong(rs, "disabled_at"),
                rs.getString("disabled_reason"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
