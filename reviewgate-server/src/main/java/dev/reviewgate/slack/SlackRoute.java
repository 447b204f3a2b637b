package dev.reviewgate.slack;

import dev.reviewgate.notification.Audience;
import dev.reviewgate.notification.Destination;
import dev.reviewgate.notification.Recipient;
import dev.reviewgate.notification.Route;
import dev.reviewgate.webhook.DeliveryChannel;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Slack cards go to the form's channel ({@code notify.slack.channel}), to each assigned group's
 * {@code slack_channel}, and as a direct message to each person whose {@code slackDm} preference is
 * on ({@code slack:@<userId>}; their Slack account is looked up by e-mail when it is sent). Nothing
 * is planned when the account has no Slack app.
 */
public final class SlackRoute implements Route {

    /** The destination prefix; a DM's destination is {@code slack:@<userId>}. */
    static final String PREFIX = "slack:";

    static final String DM = PREFIX + "@";

    private final SlackApps apps;

    public SlackRoute(SlackApps apps) {
        this.apps = apps;
    }

    @Override
    public List<Destination> destinations(Handle h, Audience audience) {
        String accountId = audience.subject().accountId();
        if (!apps.available(h, accountId)) {
            return List.of();
        }
        List<Destination> out = new ArrayList<>();
        String formChannel = audience.form().slackChannel();
        if (formChannel != null) {
            out.add(new Destination(DeliveryChannel.SLACK, PREFIX + formChannel, null));
        }
        List<String> groups = audience.subject().assignees().groups();
        if (!groups.isEmpty()) {
            h.createQuery("""
                            SELECT DISTINCT slack_channel FROM groups
                            WHERE account_id = :a AND id IN (<groups>) AND slack_channel IS NOT NULL
                            ORDER BY slack_channel""")
                    .bind("a", accountId)
                    .bindList("groups", groups)
                    .mapTo(String.class)
                    .forEach(channel -> out.add(new Destination(DeliveryChannel.SLACK, PREFIX + channel, null)));
        }
        for (Recipient r : audience.people()) {
            if (r.preferences().slackDm()) {
                out.add(new Destination(DeliveryChannel.SLACK, DM + r.userId(), r.userId()));
            }
        }
        return out;
    }
}
