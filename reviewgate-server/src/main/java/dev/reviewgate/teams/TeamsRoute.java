package dev.reviewgate.teams;

import dev.reviewgate.group.GroupRepository;
import dev.reviewgate.notification.Audience;
import dev.reviewgate.notification.Destination;
import dev.reviewgate.notification.Route;
import dev.reviewgate.webhook.DeliveryChannel;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A Teams card goes to the form's workflow ({@code notify.teams.webhookUrl}) and to that of each
 * assigned group that has one. The destination names where, never the URL (a credential):
 * {@code teams:form} or {@code teams:group:<id>}, resolved and opened at send time.
 */
public final class TeamsRoute implements Route {

    static final String FORM = "teams:form";
    static final String GROUP = "teams:group:";

    private final GroupRepository groups;

    public TeamsRoute(GroupRepository groups) {
        this.groups = groups;
    }

    @Override
    public List<Destination> destinations(Handle h, Audience audience) {
        List<Destination> out = new ArrayList<>();
        if (audience.form().teamsWebhookUrl() != null) {
            out.add(new Destination(DeliveryChannel.TEAMS, FORM, null));
        }
        var subject = audience.subject();
        for (String groupId : groups.withTeamsWebhook(
                h, subject.accountId(), subject.assignees().groups())) {
            out.add(new Destination(DeliveryChannel.TEAMS, GROUP + groupId, null));
        }
        return out;
    }
}
