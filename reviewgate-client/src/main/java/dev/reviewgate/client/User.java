package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A person of the account who reviews (or administers).
 *
 * @param id        the user id, {@code usr_…}
 * @param email     their e-mail, unique across the server in any letter case; assignments name it
 * @param name      the name shown
 * @param role      reviewer or admin
 * @param disabled  whether they are locked out
 * @param createdAt when they were added
 */
public record User(String id, String email, String name, Role role, boolean disabled, Instant createdAt) {

    /** What a user may do. */
    public enum Role {
        /** Reviews: claims, instructs, edits and decides. */
        @JsonProperty("reviewer")
        REVIEWER,
        /** Also manages forms, users, groups, keys and webhooks, and may break others' claims. */
        @JsonProperty("admin")
        ADMIN,
        /** A role this SDK version does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN;

        String wire() {
            return this == ADMIN ? "admin" : "reviewer";
        }
    }
}
