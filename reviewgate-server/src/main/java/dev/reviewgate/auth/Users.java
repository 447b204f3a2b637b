package dev.reviewgate.auth;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Ids;
import java.time.InstantSource;

/**
 * Adds and changes the people who sign in. Two rules hold under any concurrency: an e-mail belongs
 * to one user across all accounts (in any letter case), and an account keeps at least one active
 * admin, so two admins demoting each other at once cannot lock everyone out.
 */
public final class Users {

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

    /** Adds a user and returns its id; 409 when the e-mail is taken, 404 without such an account. */
    public String create(String accountId, String email, String name, String role, String password) {
        if (!role.equals("admin") && !role.equals("reviewer")) {
            throw Problem.invalid("/role", "must be admin or reviewer");
        }
        String hash = Passwords.hash(password);
        String userId = ids.next("usr");
        database.write(h -> {
            if (!accounts.accountExists(h, accountId)) {
                throw Problem.notFound("No account " + accountId);
            }
            if (!accounts.insertUser(h, accountId, userId, email, name, role, hash, clock.millis())) {
                throw Problem.conflict("A user with the e-mail " + email + " already exists.");
            }
            return null;
        });
        return userId;
    }

    /**
     * Sets a user's role and disabled flag; 404 for an unknown user, 409 when the change would leave
     * the account without an active admin.
     */
    public void update(String accountId, String userId, String role, boolean disabled) {
        database.write(h -> {
            database.lockAccount(h, accountId);
            boolean staysActiveAdmin = role.equals("admin") && !disabled;
            if (!staysActiveAdmin && accounts.otherActiveAdmins(h, accountId, userId) == 0) {
                throw Problem.conflict("The account must keep at least one active admin.");
            }
            if (!accounts.updateUser(h, accountId, userId, role, disabled)) {
                throw Problem.notFound("No user " + userId);
            }
            return null;
        });
    }
}
