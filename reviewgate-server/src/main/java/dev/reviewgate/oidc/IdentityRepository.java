package dev.reviewgate.oidc;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** SQL of single sign-on: started sign-ins, the links from a provider's subject to a user, and group sync. */
final class IdentityRepository {

    /** A started sign-in, as the callback needs it. */
    record PendingLogin(String browserHash, String nonce, String codeVerifier, String next, long expiresAt) {}

    /** Which user a provider's subject was linked to. */
    record Link(String accountId, String userId) {}

    void insertLogin(Handle h, String stateHash, PendingLogin login, long now) {
        h.createUpdate("DELETE FROM oidc_logins WHERE expires_at < :now")
                .bind("now", now)
                .execute();
        h.createUpdate("""
                        INSERT INTO oidc_logins (state_hash, browser_hash, nonce, code_verifier, next_path, created_at, expires_at)
                        VALUES (:state, :browser, :nonce, :verifier, :next, :now, :expires)""")
                .bind("state", stateHash)
                .bind("browser", login.browserHash())
                .bind("nonce", login.nonce())
                .bind("verifier", login.codeVerifier())
                .bind("next", login.next())
                .bind("now", now)
                .bind("expires", login.expiresAt())
                .execute();
    }

    /**
     * Takes the sign-in started with this state out of the table: the delete is the answer, so a
     * state (and its nonce) works once however many callbacks race for it.
     */
    Optional<PendingLogin> consumeLogin(Handle h, String stateHash) {
        return h.createQuery("""
                        DELETE FROM oidc_logins WHERE state_hash = :state
                        RETURNING browser_hash, nonce, code_verifier, next_path, expires_at""")
                .bind("state", stateHash)
                .map((rs, ctx) -> new PendingLogin(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .findOne();
    }

    Optional<Link> link(Handle h, String issuer, String subject) {
        return h.createQuery("SELECT account_id, user_id FROM user_identities WHERE issuer = :i AND subject = :s")
                .bind("i", issuer)
                .bind("s", subject)
                .map((rs, ctx) -> new Link(rs.getString(1), rs.getString(2)))
                .findOne();
    }

    /** Links the subject to the user; false when it already was (a concurrent first sign-in). */
    boolean insertLink(Handle h, String issuer, String subject, Link link, long now) {
        return h.createUpdate("""
                        INSERT INTO user_identities (issuer, subject, account_id, user_id, created_at)
                        VALUES (:i, :s, :a, :u, :now) ON CONFLICT DO NOTHING""")
                        .bind("i", issuer)
                        .bind("s", subject)
                        .bind("a", link.accountId())
                        .bind("u", link.userId())
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /** The account's groups whose id or name is one of {@code names}. */
    Set<String> groupsNamed(Handle h, String accountId, Collection<String> names) {
        if (names.isEmpty()) {
            return new TreeSet<>();
        }
        return new TreeSet<>(
                h.createQuery("SELECT id FROM groups WHERE account_id = :a AND (id IN (<names>) OR name IN (<names>))")
                        .bind("a", accountId)
                        .bindList("names", List.copyOf(names))
                        .mapTo(String.class)
                        .list());
    }

    Set<String> groupsOf(Handle h, String accountId, String userId) {
        return new TreeSet<>(h.createQuery("SELECT group_id FROM group_members WHERE account_id = :a AND user_id = :u")
                .bind("a", accountId)
                .bind("u", userId)
                .mapTo(String.class)
                .list());
    }

    /** Makes the user a member of exactly {@code groupIds}. */
    void setGroups(Handle h, String accountId, String userId, Set<String> current, Set<String> groupIds) {
        for (String gone : current) {
            if (!groupIds.contains(gone)) {
                h.createUpdate("DELETE FROM group_members WHERE account_id = :a AND group_id = :g AND user_id = :u")
                        .bind("a", accountId)
                        .bind("g", gone)
                        .bind("u", userId)
                        .execute();
            }
        }
        for (String added : groupIds) {
            if (!current.contains(added)) {
                h.createUpdate("""
                                INSERT INTO group_members (account_id, group_id, user_id) VALUES (:a, :g, :u)
                                ON CONFLICT DO NOTHING""")
                        .bind("a", accountId)
                        .bind("g", added)
                        .bind("u", userId)
                        .execute();
            }
        }
    }
}
