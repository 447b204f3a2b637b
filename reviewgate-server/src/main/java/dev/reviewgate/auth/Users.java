package dev.reviewgate.auth;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.kernel.KeysetPage;
import java.time.InstantSource;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds, changes and lists the people who sign in. Two rules hold under any concurrency: an e-mail
 * belongs to one user across all accounts (in any letter case), and an account keeps at least one
 * active admin, so two admins demoting each other at once cannot lock everyone out.
 */
public final class Users {

    public static final Set<String> ROLES = Set.of("admin", "reviewer");
    public static final int MAX_EMAIL_LENGTH = 254;

    /** One {@code @} between a local part and a domain, neither empty, no spaces or control characters. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\p{javaWhitespace}\\p{Cntrl}]+@[^@.\\p{javaWhitespace}\\p{Cntrl}]([^@\\p{javaWhitespace}\\p{Cntrl}]*[^@.\\p{javaWhitespace}\\p{Cntrl}])?");

    private final Database database;
    private final AccountRepository accounts;
    private final Ids ids;
    private final InstantSource clock;

    public Users(Database database, AccountRepository accounts, Ids ids, InstantSource clock) {
        this.database = database;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    /** Adds a user and returns its id; 422 for a bad e-mail or role, 409 when the e-mail is taken, 404 without such an account. */
    public String create(String accountId, String email, String name, String role, String password) {
        if (!isEmail(email)) {
            throw Problem.invalid("/email", "must be an e-mail address of at most " + MAX_EMAIL_LENGTH + " characters");
        }
        checkRole(role);
        String hash = Passwords.hash(password);
        String userId = ids.next("usr");
        database.write(h -> {
            if (!accounts.accountExists(h, accountId)) {
                throw Problem.notFound("No account " + accountId);
            }
            long now = clock.millis();
            if (!accounts.insertUser(h, accountId, userId, email, name, role, hash, now)) {
                throw Problem.conflict("A user with the e-mail " + email + " already exists.");
            }
            Audit.record(
                    h,
                    now,
                    AuditEvent.of(accountId, AuditActions.USER_CREATED)
                            .with("userId", userId)
                            .with("email", email)
                            .with("role", role));
            return null;
        });
        return userId;
    }

    /**
     * Sets a user's role and disabled flag (a null one is kept as it is) and returns the user as
     * changed; 404 for an unknown user, 409 when the change would take the account's last active
     * admin away. The account's row is taken before the user is read, so concurrent changes apply
     * one after the other and none is lost.
     */
    public AccountRepository.User update(String accountId, String userId, String role, Boolean disabled) {
        if (role != null) {
            checkRole(role);
        }
        return database.write(h -> {
            database.lockAccount(h, accountId);
            AccountRepository.User current =
                    accounts.userById(h, accountId, userId).orElseThrow(() -> Problem.notFound("No user " + userId));
            String newRole = role == null ? current.role() : role;
            boolean newDisabled = disabled == null ? current.disabled() : disabled;
            boolean wasActiveAdmin = current.role().equals("admin") && !current.disabled();
            boolean staysActiveAdmin = newRole.equals("admin") && !newDisabled;
            if (wasActiveAdmin && !staysActiveAdmin && accounts.otherActiveAdmins(h, accountId, userId) == 0) {
                throw Problem.conflict("The account must keep at least one active admin.");
            }
            accounts.updateUser(h, accountId, userId, newRole, newDisabled);
            Audit.record(
                    h,
                    clock.millis(),
                    AuditEvent.of(accountId, AuditActions.USER_UPDATED)
                            .with("userId", userId)
                            .with("email", current.email())
                            .with("role", newRole)
                            .with("disabled", newDisabled)
                            .with("previousRole", current.role())
                            .with("previouslyDisabled", current.disabled()));
            return new AccountRepository.User(
                    accountId,
                    userId,
                    current.email(),
                    current.displayName(),
                    newRole,
                    newDisabled,
                    current.createdAt());
        });
    }

    public AccountRepository.User get(String accountId, String userId) {
        return database.read(h -> accounts.userById(h, accountId, userId))
                .orElseThrow(() -> Problem.notFound("No user " + userId));
    }

    /** One page of the account's users in the order they were added. */
    public KeysetPage.Page<AccountRepository.User> list(String accountId, KeysetPage page) {
        return page.page(
                database.read(h -> accounts.usersAfter(h, accountId, page.after(), page.fetch())),
                AccountRepository.User::id);
    }

    public static boolean isEmail(String email) {
        return email != null
                && email.length() <= MAX_EMAIL_LENGTH
                && EMAIL.matcher(email).matches();
    }

    private static void checkRole(String role) {
        if (!ROLES.contains(role)) {
            throw Problem.invalid("/role", "must be admin or reviewer");
        }
    }
}
