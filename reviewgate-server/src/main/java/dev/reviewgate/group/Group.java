package dev.reviewgate.group;

import java.util.List;

/**
 * A named set of users of one account, to route reviews to.
 *
 * @param members      the members' e-mails as their users have them, sorted
 * @param slackChannel the Slack channel its reviews are posted to, or null
 * @param teamsWebhook whether a Teams workflow URL is saved (the URL itself is a credential, never read back)
 */
public record Group(
        String id,
        String name,
        List<String> members,
        String slackChannel,
        boolean teamsWebhook,
        long createdAt,
        long updatedAt) {

    public Group {
        members = List.copyOf(members);
    }
}
