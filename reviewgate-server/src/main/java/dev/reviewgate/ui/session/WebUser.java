package dev.reviewgate.ui.session;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Via;

/** The signed-in reviewer of a web request, with the CSRF token of their session. */
public record WebUser(
        String accountId, String userId, String email, String displayName, String role, String csrfToken) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    /** The same person as the domain sees them: a human actor acting for the account. */
    public Principal principal() {
        return new Principal(accountId, userId, new Actor(Actor.HUMAN, userId, displayName), Via.WEB);
    }
}
