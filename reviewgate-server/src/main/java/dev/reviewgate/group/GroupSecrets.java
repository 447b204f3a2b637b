package dev.reviewgate.group;

import dev.reviewgate.secret.SecretBox;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A group's Teams workflow URL is a credential: stored sealed with the {@link SecretBox}, bound to
 * the account and group, opened only to send a card, never read back by the API or a page.
 */
public final class GroupSecrets {

    private final GroupRepository groups;
    private final SecretBox box;

    public GroupSecrets(GroupRepository groups, SecretBox box) {
        this.groups = groups;
        this.box = box;
    }

    String seal(String accountId, String groupId, String url) {
        return box.seal(url, boundTo(accountId, groupId));
    }

    /** The group's Teams URL, opened; empty when it has none (or the group is gone). */
    public Optional<String> teamsUrl(Handle h, String accountId, String groupId) {
        return groups.sealedTeamsWebhook(h, accountId, groupId)
                .map(stored -> box.open(stored, boundTo(accountId, groupId)));
    }

    private static String boundTo(String accountId, String groupId) {
        return "groups/" + accountId + "/" + groupId + "/teams";
    }
}
