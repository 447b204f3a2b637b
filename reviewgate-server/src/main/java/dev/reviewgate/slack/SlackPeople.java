package dev.reviewgate.slack;

import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Via;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is in Reviewgate: the active user of the account whose e-mail is their Slack
 * profile's ({@code users.info}, which needs the {@code users:read.email} scope). No match, no
 * person: nothing is done in their name.
 */
final class SlackPeople {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);

    private final Database database;
    private final SlackApi api;

    SlackPeople(Database database, SlackApi api) {
        this.database = database;
        this.api = api;
    }

    /** The person acting through Slack, as a principal of {@code accountId}. */
    Optional<Principal> of(String token, String accountId, String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) {
            return Optional.empty();
        }
        SlackApi.Result info = api.userInfo(token, slackUserId);
        if (!info.ok()) {
            LOG.warn("users.info for a Slack interaction failed: {}", info.error());
            return Optional.empty();
        }
        if (info.body().path("user").path("deleted").asBoolean(false)) {
            return Optional.empty();
        }
        String email = info.body().path("user").path("profile").path("email").asText("");
        if (email.isBlank() || email.length() > 320) {
            return Optional.empty();
        }
        return database.read(h -> h.createQuery("""
                                SELECT id, display_name FROM users
                                WHERE account_id = :a AND lower(email) = lower(:e) AND disabled = 0""")
                        .bind("a", accountId)
                        .bind("e", email)
                        .map((rs, ctx) -> new Actor(Actor.HUMAN, rs.getString("id"), rs.getString("display_name")))
                        .findOne())
                .map(actor -> new Principal(accountId, actor.id(), actor, Via.SLACK));
    }
}
