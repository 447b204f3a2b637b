package dev.reviewgate.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for accounts, users and API keys. */
public final class AccountRepository {

    /** A stored API key, looked up by the hash of the presented secret. */
    public record StoredKey(String accountId, String id, String name, String keyHash) {}

    /** A user as the CLI, the web sign-in, the admin page and {@code /v1/users} need it. */
    public record User(
            String accountId,
            String id,
            String email,
            String displayName,
            String role,
            boolean disabled,
            long createdAt) {}

    private static final String USER_COLUMNS = "account_id, id, email, display_name, role, disabled, created_at";

    public boolean anyAccount(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one() > 0;
    }

    public Optional<String> firstAccountId(Handle h) {
        return h.createQuery("SELECT id FROM accounts ORDER BY created_at, id LIMIT 1")
                .mapTo(String.class)
                .findOne();
    }

    public boolean accountExists(Handle h, String accountId) {
        return h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id")
                        .bind("id", accountId)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    public void insertAccount(Handle h, String id, String name, long now) {
        h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :now)")
                .bind("id", id)
                .bind("name", name)
                .bind("now", now)
                .execute();
    }

    /** Adds a user; false (nothing written) when the e-mail is taken, in any account and any case. */
    public boolean insertUser(
            Handle h,
            String accountId,
            String id,
            String email,
            String displayName,
            String role,
            String passwordHash,
            long now) {
        return h.createUpdate("""
                        INSERT INTO users (account_id, id, email, display_name, role, password_hash, disabled, created_at)
                        VALUES (:account, :id, :email, :name, :role, :hash, 0, :now) ON CONFLICT DO NOTHING""")
                        .bind("account", accountId)
                        .bind("id", id)
                        .bind("email", email)
                        .bind("name", displayName)
                        .bind("role", role)
                        .bind("hash", passwordHash)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /** Active admins of the account other than {@code exceptUserId}. */
    public long otherActiveAdmins(Handle h, String accountId, String exceptUserId) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM users
                        WHERE account_id = :a AND role = 'admin' AND disabled = 0 AND id <> :except""")
                .bind("a", accountId)
                .bind("except", exceptUserId)
                .mapTo(Long.class)
                .one();
    }

    public Optional<User> userById(Handle h, String accountId, String userId) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM users WHERE account_id = :account AND id = :id")
                .bind("account", accountId)
                .bind("id", userId)
                .map(AccountRepository::user)
                .findOne();
    }

    /** A user with the password hash, for sign-in only. */
    public record Login(User user, String passwordHash) {}

    /** The one user lookup not scoped by account: a login names only an e-mail. */
    public Optional<Login> loginByEmail(Handle h, String email) {
        return h.createQuery("SELECT " + USER_COLUMNS + ", password_hash FROM users WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .map((rs, ctx) -> new Login(user(rs, ctx), rs.getString(8)))
                .findOne();
    }

    public List<User> users(Handle h, String accountId) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM users WHERE account_id = :account ORDER BY email")
                .bind("account", accountId)
                .map(AccountRepository::user)
                .list();
    }

    /** Users ordered by id (their creation order), after {@code afterId}; the primary key serves the range. */
    public List<User> usersAfter(Handle h, String accountId, String afterId, int limit) {
        return h.createQuery("SELECT " + USER_COLUMNS
                        + " FROM users WHERE account_id = :account AND id > :after ORDER BY id LIMIT :limit")
                .bind("account", accountId)
                .bind("after", afterId == null ? "" : afterId)
                .bind("limit", limit)
                .map(AccountRepository::user)
                .list();
    }

    public boolean updateUser(Handle h, String accountId, String userId, String role, boolean disabled) {
        return h.createUpdate("UPDATE users SET role = :role, disabled = :disabled WHERE account_id = :a AND id = :id")
                        .bind("role", role)
                        .bind("disabled", disabled ? 1 : 0)
                        .bind("a", accountId)
                        .bind("id", userId)
                        .execute()
                == 1;
    }

    /** An API key as listed to admins: never the secret, only its prefix. */
    public record KeyInfo(String id, String name, String prefix, long createdAt, Long revokedAt) {}

    public List<KeyInfo> apiKeys(Handle h, String accountId) {
        return h.createQuery("""
                        SELECT id, name, key_prefix, created_at, revoked_at FROM api_keys
                        WHERE account_id = :a ORDER BY created_at, id""")
                .bind("a", accountId)
                .map((rs, ctx) -> {
                    long revoked = rs.getLong(5);
                    Long revokedAt = rs.wasNull() ? null : revoked;
                    return new KeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), revokedAt);
                })
                .list();
    }

    public boolean revokeApiKey(Handle h, String accountId, String keyId, long now) {
        return h.createUpdate(
                                "UPDATE api_keys SET revoked_at = :now WHERE account_id = :a AND id = :id AND revoked_at IS NULL")
                        .bind("now", now)
                        .bind("a", accountId)
                        .bind("id", keyId)
                        .execute()
                == 1;
    }

    public void insertApiKey(
            Handle h, String accountId, String id, String name, String keyHash, String prefix, long now) {
        h.createUpdate("""
                        INSERT INTO api_keys (account_id, id, name, key_hash, key_prefix, created_at)
                        VALUES (:account, :id, :name, :hash, :prefix, :now)""")
                .bind("account", accountId)
                .bind("id", id)
                .bind("name", name)
                .bind("hash", keyHash)
                .bind("prefix", prefix)
                .bind("now", now)
                .execute();
    }

    /** The one lookup that is not scoped by account: the key itself tells us the account. */
    public Optional<StoredKey> activeKeyByHash(Handle h, String keyHash) {
        return h.createQuery("""
                        SELECT account_id, id, name, key_hash FROM api_keys
                        WHERE key_hash = :hash AND revoked_at IS NULL""")
                .bind("hash", keyHash)
                .map((rs, ctx) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne();
    }

    private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6) != 0,
                rs.getLong(7));
    }
}
