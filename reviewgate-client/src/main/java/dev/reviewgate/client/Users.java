package dev.reviewgate.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The account's users ({@code /v1/users}), managed with the service's API key. A user added here gets
 * a random password nobody is shown, so they cannot sign in with a password until an admin gives
 * them one.
 */
public final class Users {

    private final Transport transport;

    Users(Transport transport) {
        this.transport = transport;
    }

    /**
     * Every user of the account, oldest first.
     *
     * @return the users; pages are fetched while iterating
     */
    public Paginated<User> list() {
        return new Paginated<>(
                transport,
                cursor -> "/v1/users?limit=200" + (cursor == null ? "" : "&cursor=" + ReviewAddress.segment(cursor)),
                User.class);
    }

    /**
     * Adds a user.
     *
     * @param email their e-mail
     * @param name  the name shown, or null for the e-mail
     * @param role  their role, or null for {@link User.Role#REVIEWER}
     * @return the new user
     * @throws ValidationException when the e-mail is malformed
     * @throws ConflictException   when any user of any account has that e-mail, in any letter case
     */
    public User create(String email, String name, User.Role role) {
        ObjectNode body = Json.object().put("email", Objects.requireNonNull(email, "email"));
        if (name != null) {
            body.put("name", name);
        }
        if (role != null) {
            body.put("role", wire(role));
        }
        return Json.convert(transport.send(Transport.Call.post("/v1/users", body)), User.class);
    }

    /**
     * Changes a user's role.
     *
     * @param userId the user, {@code usr_…}
     * @param role   the new role
     * @return the user after the change
     * @throws ConflictException when it would leave the account without an active admin
     * @throws NotFoundException when there is no such user
     */
    public User setRole(String userId, User.Role role) {
        return patch(userId, Json.object().put("role", wire(role)));
    }

    /**
     * Locks a user out, or lets them in again.
     *
     * @param userId   the user, {@code usr_…}
     * @param disabled true to lock them out
     * @return the user after the change
     * @throws ConflictException when it would leave the account without an active admin
     * @throws NotFoundException when there is no such user
     */
    public User setDisabled(String userId, boolean disabled) {
        return patch(userId, Json.object().put("disabled", disabled));
    }

    private User patch(String userId, ObjectNode body) {
        Transport.Call call = Transport.Call.patch("/v1/users/" + ReviewAddress.segment(userId), body);
        return Json.convert(transport.send(call), User.class);
    }

    private static String wire(User.Role role) {
        if (role == User.Role.UNKNOWN) {
            throw new IllegalArgumentException("role must be REVIEWER or ADMIN");
        }
        return role.wire();
    }
}
