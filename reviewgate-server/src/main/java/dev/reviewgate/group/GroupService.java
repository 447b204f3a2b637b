package dev.reviewgate.group;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormNotify;
import dev.reviewgate.kernel.KeysetPage;
import dev.reviewgate.net.SsrfGuard;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Creates, replaces, reads and deletes groups. Members are named by e-mail; each must be a user of
 * the account (else a 422 pointing at it). Both writes follow the read-modify-write idiom: a create
 * inserts and reads a conflict as "taken", a replacement takes the group's row before it touches
 * the members, so concurrent replacements leave exactly one caller's members, never a mix.
 */
public final class GroupService {

    private final Database database;
    private final GroupRepository groups;
    private final GroupSecrets secrets;
    private final SsrfGuard guard;
    private final InstantSource clock;

    public GroupService(
            Database database, GroupRepository groups, GroupSecrets secrets, SsrfGuard guard, InstantSource clock) {
        this.database = database;
        this.groups = groups;
        this.secrets = secrets;
        this.guard = guard;
        this.clock = clock;
    }

    /** 422 for a bad body or unknown members, 409 when the id is taken. */
    public Group create(String accountId, JsonNode body) {
        GroupRequest request = checked(GroupRequest.create(body));
        if (FormNotify.SAVED.equals(request.teamsWebhookUrl())) {
            throw Problem.invalid("/teamsWebhookUrl", "a new group has no saved Teams URL to keep: give the URL");
        }
        long now = clock.millis();
        return database.write(h -> {
            Set<String> userIds = members(h, accountId, request.members());
            if (!groups.insert(h, accountId, request.id(), request.name(), now)) {
                throw Problem.conflict("A group " + request.id() + " already exists; PUT /v1/groups/" + request.id()
                        + " replaces it.");
            }
            groups.replaceMembers(h, accountId, request.id(), userIds);
            destinations(h, accountId, request.id(), request);
            return recorded(h, accountId, AuditActions.GROUP_CREATED, written(h, accountId, request.id()), now);
        });
    }

    /** Replaces the name and members of an existing group; 404 when there is none, 422 as for a create. */
    public Group replace(String accountId, String groupId, JsonNode body) {
        GroupRequest request = checked(GroupRequest.replacement(body, groupId));
        long now = clock.millis();
        return database.write(h -> {
            if (!groups.lockAndRename(h, accountId, groupId, request.name(), now)) {
                throw notFound(groupId);
            }
            groups.replaceMembers(h, accountId, groupId, members(h, accountId, request.members()));
            destinations(h, accountId, groupId, request);
            return recorded(h, accountId, AuditActions.GROUP_REPLACED, written(h, accountId, groupId), now);
        });
    }

    public Group get(String accountId, String groupId) {
        return database.read(h -> groups.find(h, accountId, groupId)).orElseThrow(() -> notFound(groupId));
    }

    /** One page of the account's groups, ordered by id. */
    public KeysetPage.Page<Group> list(String accountId, KeysetPage page) {
        return page.page(database.read(h -> groups.after(h, accountId, page.after(), page.fetch())), Group::id);
    }

    public void delete(String accountId, String groupId) {
        database.write(h -> {
            if (!groups.delete(h, accountId, groupId)) {
                throw notFound(groupId);
            }
            Audit.record(
                    h,
                    clock.millis(),
                    AuditEvent.of(accountId, AuditActions.GROUP_DELETED).with("groupId", groupId));
            return null;
        });
    }

    /** The Teams URL must be one the service may post to (422 otherwise), before anything is written. */
    private GroupRequest checked(GroupRequest request) {
        String teams = request.teamsWebhookUrl();
        if (teams != null && !teams.equals(FormNotify.SAVED)) {
            Problem.throwIfAny(guard.checkUrl(teams, "/teamsWebhookUrl"));
        }
        return request;
    }

    /** The Slack channel and the Teams URL, sealed; {@link FormNotify#SAVED} keeps the saved URL. */
    private void destinations(Handle h, String accountId, String groupId, GroupRequest request) {
        String teams = request.teamsWebhookUrl();
        boolean keep = FormNotify.SAVED.equals(teams);
        groups.setDestinations(
                h,
                accountId,
                groupId,
                request.slackChannel(),
                teams == null || keep ? null : secrets.seal(accountId, groupId, teams),
                keep);
    }

    /** The users named by {@code emails}, each once; a 422 pointing at every e-mail that names none. */
    private Set<String> members(Handle h, String accountId, List<String> emails) {
        Map<String, String> ids = groups.userIdsByEmail(h, accountId, emails);
        List<Violation> unknown = new ArrayList<>();
        Set<String> userIds = new LinkedHashSet<>();
        for (int i = 0; i < emails.size(); i++) {
            String userId = ids.get(emails.get(i));
            if (userId == null) {
                unknown.add(new Violation(
                        Violation.child("/members", i), "no user of this account has the e-mail " + emails.get(i)));
            } else {
                userIds.add(userId);
            }
        }
        Problem.throwIfAny(unknown);
        return userIds;
    }

    private static Group recorded(Handle h, String accountId, String action, Group group, long now) {
        AuditEvent event = AuditEvent.of(accountId, action)
                .with("groupId", group.id())
                .with("name", group.name())
                .with("members", group.members());
        if (group.slackChannel() != null) {
            event = event.with("slackChannel", group.slackChannel());
        }
        if (group.teamsWebhook()) {
            event = event.with("teamsWebhook", true);
        }
        Audit.record(h, now, event);
        return group;
    }

    private Group written(Handle h, String accountId, String groupId) {
        return groups.find(h, accountId, groupId)
                .orElseThrow(() -> new IllegalStateException(
                        "group " + groupId + " vanished inside the transaction that wrote it"));
    }

    private static Problem notFound(String groupId) {
        return Problem.notFound("No group " + groupId);
    }
}
