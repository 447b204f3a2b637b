package dev.reviewgate.oidc;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Passwords;
import dev.reviewgate.auth.Users;
import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Ids;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Turns a verified identity into a Reviewgate user. On the first sign-in the subject is linked to the
 * user with that e-mail (only when the provider says the e-mail is verified) or a new user is made in
 * the installation's first account. On every sign-in the groups claim sets the user's memberships
 * in the account's groups whose id or name it lists (groups it names that do not exist are not
 * created: an admin makes the groups reviews are routed to), and, when admin groups are configured,
 * the role. The account's row is taken first, so concurrent first sign-ins make one user and the
 * account always keeps an active admin.
 */
final class Provisioning {

    private final Database database;
    private final AccountRepository accounts;
    private final IdentityRepository identities;
    private final Ids ids;
    private final List<String> adminGroups;

    Provisioning(
            Database database,
            AccountRepository accounts,
            IdentityRepository identities,
            Ids ids,
            List<String> adminGroups) {
        this.database = database;
        this.accounts = accounts;
        this.identities = identities;
        this.ids = ids;
        this.adminGroups = List.copyOf(adminGroups);
    }

    AccountRepository.User signIn(Handle h, ClaimedIdentity who, long now) {
        String accountId = identities
                .link(h, who.issuer(), who.subject())
                .map(IdentityRepository.Link::accountId)
                .or(() -> accounts.firstAccountId(h))
                .orElseThrow(() -> new OidcRefusal("no_account", "This installation has no account yet."));
        database.lockAccount(h, accountId);
        AccountRepository.User user = identities
                .link(h, who.issuer(), who.subject())
                .flatMap(l -> accounts.userById(h, l.accountId(), l.userId()))
                .orElseGet(() -> linkOrCreate(h, accountId, who, now));
        if (user.disabled()) {
            throw new OidcRefusal("disabled", "Your Reviewgate user " + user.email() + " is disabled.");
        }
        return sync(h, user, who, now);
    }

    private AccountRepository.User linkOrCreate(Handle h, String accountId, ClaimedIdentity who, long now) {
        if (!Users.isEmail(who.email())) {
            throw new OidcRefusal(
                    "no_email",
                    "The identity provider sent no e-mail address; ask for the email scope (REVIEWGATE_OIDC_SCOPES).");
        }
        Optional<AccountRepository.Login> existing = accounts.loginByEmail(h, who.email());
        if (existing.isPresent()) {
            if (!who.emailVerified()) {
                throw new OidcRefusal(
                        "email_not_verified",
                        "A Reviewgate user already has the e-mail " + who.email()
                                + ", and the identity provider does not say the e-mail is verified.");
            }
            AccountRepository.User user = existing.get().user();
            link(h, who, user, now);
            record(h, user, AuditActions.USER_LINKED, now, who);
            return user;
        }
        String role = !adminGroups.isEmpty() && who.inAny(adminGroups) ? "admin" : "reviewer";
        String userId = ids.next("usr");
        String name = who.name() == null ? who.email() : who.name();
        if (!accounts.insertUser(
                h, accountId, userId, who.email(), name, role, Passwords.hash(Passwords.generate()), now)) {
            throw new OidcRefusal("conflict", "Another sign-in for " + who.email() + " is in progress; try again.");
        }
        AccountRepository.User user =
                new AccountRepository.User(accountId, userId, who.email(), name, role, false, now);
        link(h, who, user, now);
        record(h, user, AuditActions.USER_PROVISIONED, now, who);
        return user;
    }

    private void link(Handle h, ClaimedIdentity who, AccountRepository.User user, long now) {
        identities.insertLink(
                h, who.issuer(), who.subject(), new IdentityRepository.Link(user.accountId(), user.id()), now);
    }

    /** Memberships and role as the claim says; one audit entry when anything changed. */
    private AccountRepository.User sync(Handle h, AccountRepository.User user, ClaimedIdentity who, long now) {
        Set<String> wanted = identities.groupsNamed(h, user.accountId(), who.groups());
        Set<String> current = identities.groupsOf(h, user.accountId(), user.id());
        String role = user.role();
        if (!adminGroups.isEmpty()) {
            String claimed = who.inAny(adminGroups) ? "admin" : "reviewer";
            boolean lastAdmin = "admin".equals(role) && accounts.otherActiveAdmins(h, user.accountId(), user.id()) == 0;
            if (!claimed.equals(role) && !lastAdmin) {
                role = claimed;
                accounts.updateUser(h, user.accountId(), user.id(), role, false);
            }
        }
        if (!wanted.equals(current)) {
            identities.setGroups(h, user.accountId(), user.id(), current, wanted);
        }
        AccountRepository.User synced = new AccountRepository.User(
                user.accountId(), user.id(), user.email(), user.displayName(), role, false, user.createdAt());
        if (!wanted.equals(current) || !role.equals(user.role())) {
            Audit.record(
                    h,
                    now,
                    event(synced, AuditActions.USER_SYNCED)
                            .with("groups", List.copyOf(wanted))
                            .with("previousGroups", List.copyOf(current))
                            .with("previousRole", user.role()));
        }
        return synced;
    }

    private static void record(Handle h, AccountRepository.User user, String action, long now, ClaimedIdentity who) {
        Audit.record(
                h,
                now,
                event(user, action)
                        .with("issuer", who.issuer())
                        .with("subject", who.subject())
                        .with("claimedGroups", List.copyOf(who.groups())));
    }

    private static AuditEvent event(AccountRepository.User user, String action) {
        return AuditEvent.of(user.accountId(), action)
                .by(new Actor(Actor.HUMAN, user.id(), user.displayName()))
                .with("userId", user.id())
                .with("email", user.email())
                .with("role", user.role());
    }
}
