package dev.reviewgate.auth;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.config.Settings;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Ids;
import java.time.InstantSource;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An account, its first admin and an API key: on first start on an empty database, and for each
 * further account the operator creates. The secrets are generated unless the operator supplied them,
 * and are returned once for printing; only hashes are stored.
 */
public final class Bootstrap {

    /** What the operator must be told on first start. */
    public record Credentials(
            String accountId,
            String adminEmail,
            String adminPassword,
            String apiKey,
            boolean passwordGenerated,
            boolean apiKeyGenerated) {}

    /** The display name of an account's first admin unless another is given. */
    public static final String DEFAULT_ADMIN_NAME = "Administrator";

    private static final long BOOTSTRAP_LOCK = 0x7265766965776761L;

    private final Database database;
    private final AccountRepository accounts;
    private final Ids ids;
    private final InstantSource clock;

    public Bootstrap(Database database, AccountRepository accounts, Ids ids, InstantSource clock) {
        this.database = database;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates the first account if there is none; empty when the database was already set up. */
    public Optional<Credentials> ensureFirstAccount(Settings.FirstStart settings) {
        String apiKey = settings.apiKey() != null ? settings.apiKey() : Secrets.newApiKey();
        if (apiKey.length() < Secrets.MIN_API_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "REVIEWGATE_BOOTSTRAP_API_KEY must be at least " + Secrets.MIN_API_KEY_LENGTH + " characters");
        }
        String password = settings.adminPassword() != null ? settings.adminPassword() : Passwords.generate();
        String passwordHash = Passwords.hash(password);
        return database.write(h -> {
            // Several instances may start on an empty database at once: only one creates the account.
            database.lockForTransaction(h, BOOTSTRAP_LOCK);
            if (accounts.anyAccount(h)) {
                return Optional.empty();
            }
            String accountId =
                    insertAccount(h, "Default", settings.adminEmail(), DEFAULT_ADMIN_NAME, passwordHash, apiKey);
            return Optional.of(new Credentials(
                    accountId,
                    settings.adminEmail(),
                    password,
                    apiKey,
                    settings.adminPassword() == null,
                    settings.apiKey() == null));
        });
    }

    /**
     * A further account with its first admin and an API key (CLI), exactly as the first start makes
     * one, in one transaction; the password and key are generated and returned once.
     *
     * @throws Problem 409 when a user of any account already has {@code adminEmail}; nothing is written
     */
    public Credentials createAccount(String name, String adminEmail, String adminName) {
        String apiKey = Secrets.newApiKey();
        String password = Passwords.generate();
        String passwordHash = Passwords.hash(password);
        String accountId = database.write(h -> insertAccount(h, name, adminEmail, adminName, passwordHash, apiKey));
        return new Credentials(accountId, adminEmail, password, apiKey, true, true);
    }

    private String insertAccount(
            Handle h, String name, String adminEmail, String adminName, String passwordHash, String apiKey) {
        long now = clock.millis();
        String accountId = ids.next("acc");
        accounts.insertAccount(h, accountId, name, now);
        if (!accounts.insertUser(h, accountId, ids.next("usr"), adminEmail, adminName, "admin", passwordHash, now)) {
            // Thrown inside the transaction, so the account row goes too: nothing is written.
            throw Problem.conflict(
                    "The e-mail " + adminEmail + " is already a user's login (in this or another account)");
        }
        String keyId = ids.next("key");
        accounts.insertApiKey(
                h, accountId, keyId, "bootstrap", Secrets.hash(apiKey), Secrets.displayPrefix(apiKey), now);
        Audit.record(
                h,
                now,
                AuditEvent.of(accountId, AuditActions.ACCOUNT_CREATED)
                        .with("name", name)
                        .with("adminEmail", adminEmail)
                        .with("apiKeyId", keyId));
        return accountId;
    }

    /** Adds an API key to an account (CLI) and returns the secret, which is not stored. */
    public String createApiKey(String accountId, String name) {
        String apiKey = Secrets.newApiKey();
        database.write(h -> {
            requireAccount(h, accountId);
            String keyId = ids.next("key");
            long now = clock.millis();
            accounts.insertApiKey(h, accountId, keyId, name, Secrets.hash(apiKey), Secrets.displayPrefix(apiKey), now);
            Audit.record(
                    h,
                    now,
                    AuditEvent.of(accountId, AuditActions.API_KEY_CREATED)
                            .with("apiKeyId", keyId)
                            .with("name", name)
                            .with("prefix", Secrets.displayPrefix(apiKey)));
            return null;
        });
        return apiKey;
    }

    /** The account named, or the first one when none is named. */
    public String accountOrFirst(String accountId) {
        if (accountId != null) {
            return accountId;
        }
        return database.read(accounts::firstAccountId)
                .orElseThrow(() -> new IllegalStateException("No account yet: run 'serve' once or 'migrate' first."));
    }

    private void requireAccount(Handle h, String accountId) {
        if (!accounts.accountExists(h, accountId)) {
            throw Problem.notFound("No account " + accountId);
        }
    }
}
