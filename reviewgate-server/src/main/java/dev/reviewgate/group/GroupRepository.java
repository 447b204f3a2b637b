package dev.reviewgate.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for groups and their members. A group is read with its members in one statement, so a read
 * outside a transaction never pairs one replacement's name with another's members.
 */
public final class GroupRepository {

    private static final String WITH_MEMBERS = """
            SELECT g.id, g.name, g.created_at, g.updated_at, g.slack_channel, g.teams_webhook IS NOT NULL, u.email
            FROM %s g
            LEFT JOIN group_members m ON m.account_id = :a AND m.group_id = g.id
            LEFT JOIN users u ON u.account_id = m.account_id AND u.id = m.user_id
            ORDER BY g.id, lower(u.email), u.email""";

    public Optional<Group> find(Handle h, String accountId, String groupId) {
        Query query = h.createQuery(WITH_MEMBERS.formatted(
                        "(SELECT id, name, created_at, updated_at, slack_channel, teams_webhook FROM groups"
                                + " WHERE account_id = :a AND id = :id)"))
                .bind("a", accountId)
                .bind("id", groupId);
        return groups(query).stream().findFirst();
    }

    /** Groups ordered by id after {@code afterId}, each with its members; the primary key serves the range. */
    public List<Group> after(Handle h, String accountId, String afterId, int limit) {
        Query query = h.createQuery(WITH_MEMBERS.formatted("""
                        (SELECT id, name, created_at, updated_at, slack_channel, teams_webhook FROM groups
                         WHERE account_id = :a AND id > :after ORDER BY id LIMIT :limit)"""))
                .bind("a", accountId)
                .bind("after", afterId == null ? "" : afterId)
                .bind("limit", limit);
        return groups(query);
    }

    /** A new group without members; false (nothing written) when the account has a group of that id. */
    public boolean insert(Handle h, String accountId, String groupId, String name, long now) {
        return h.createUpdate("""
                        INSERT INTO groups (account_id, id, name, created_at, updated_at)
                        VALUES (:a, :id, :name, :now, :now) ON CONFLICT DO NOTHING""")
                        .bind("a", accountId)
                        .bind("id", groupId)
                        .bind("name", name)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /**
     * Sets where the group's notifications go: a Slack channel (or null), and a sealed Teams URL
     * (or null); {@code keepTeams} leaves the saved URL as it is.
     */
    public void setDestinations(
            Handle h, String accountId, String groupId, String slackChannel, String sealedTeams, boolean keepTeams) {
        h.createUpdate(
                        keepTeams
                                ? "UPDATE groups SET slack_channel = :slack WHERE account_id = :a AND id = :id"
                                : "UPDATE groups SET slack_channel = :slack, teams_webhook = :teams WHERE account_id = :a AND id = :id")
                .bind("slack", slackChannel)
                .bind("teams", sealedTeams)
                .bind("a", accountId)
                .bind("id", groupId)
                .execute();
    }

    /** The sealed Teams URL of a group, if it has one. */
    public Optional<String> sealedTeamsWebhook(Handle h, String accountId, String groupId) {
        return h.createQuery(
                        "SELECT teams_webhook FROM groups WHERE account_id = :a AND id = :id AND teams_webhook IS NOT NULL")
                .bind("a", accountId)
                .bind("id", groupId)
                .mapTo(String.class)
                .findOne();
    }

    /** Which of {@code groupIds} have a Teams URL saved, ordered by id. */
    public List<String> withTeamsWebhook(Handle h, String accountId, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        SELECT id FROM groups WHERE account_id = :a AND id IN (<ids>) AND teams_webhook IS NOT NULL
                        ORDER BY id""")
                .bind("a", accountId)
                .bindList("ids", List.copyOf(groupIds))
                .mapTo(String.class)
                .list();
    }

    /**
     * Renames the group and takes its row for the rest of the transaction, so that concurrent
     * replacements of its members queue behind each other; false when there is no such group.
     */
    public boolean lockAndRename(Handle h, String accountId, String groupId, String name, long now) {
        return h.createUpdate("UPDATE groups SET name = :name, updated_at = :now WHERE account_id = :a AND id = :id")
                        .bind("name", name)
                        .bind("now", now)
                        .bind("a", accountId)
                        .bind("id", groupId)
                        .execute()
                == 1;
    }

    /** Replaces the members of a group whose row this transaction holds. */
    public void replaceMembers(Handle h, String accountId, String groupId, Collection<String> userIds) {
        h.createUpdate("DELETE FROM group_members WHERE account_id = :a AND group_id = :id")
                .bind("a", accountId)
                .bind("id", groupId)
                .execute();
        if (userIds.isEmpty()) {
            return;
        }
        PreparedBatch batch =
                h.prepareBatch("INSERT INTO group_members (account_id, group_id, user_id) VALUES (:a, :g, :u)");
        userIds.forEach(userId ->
                batch.bind("a", accountId).bind("g", groupId).bind("u", userId).add());
        batch.execute();
    }

    /** Deletes the group and (by cascade) its memberships; false when there is no such group. */
    public boolean delete(Handle h, String accountId, String groupId) {
        return h.createUpdate("DELETE FROM groups WHERE account_id = :a AND id = :id")
                        .bind("a", accountId)
                        .bind("id", groupId)
                        .execute()
                == 1;
    }

    /**
     * The user id for each of {@code emails} that names a user of the account, matched the way
     * sign-in matches them (the database's {@code lower}); e-mails without a user are absent.
     */
    public Map<String, String> userIdsByEmail(Handle h, String accountId, List<String> emails) {
        Map<String, String> ids = new HashMap<>();
        if (emails.isEmpty()) {
            return ids;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < emails.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:e").append(i).append(')');
        }
        Query query = h.createQuery("""
                SELECT v.column1, u.id FROM (VALUES %s) AS v
                JOIN users u ON u.account_id = :a AND lower(u.email) = lower(v.column1)""".formatted(values)).bind("a", accountId);
        for (int i = 0; i < emails.size(); i++) {
            query.bind("e" + i, emails.get(i));
        }
        query.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** Folds rows of (group, member e-mail) into groups, in the order the rows came. */
    private static List<Group> groups(Query query) {
        List<Group> out = new ArrayList<>();
        List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
        for (int start = 0; start < rows.size(); ) {
            Row first = rows.get(start);
            List<String> members = new ArrayList<>();
            int end = start;
            while (end < rows.size() && rows.get(end).id().equals(first.id())) {
                if (rows.get(end).email() != null) {
                    members.add(rows.get(end).email());
                }
                end++;
            }
            out.add(new Group(
                    first.id(),
                    first.name(),
                    members,
                    first.slackChannel(),
                    first.teamsWebhook(),
                    first.createdAt(),
                    first.updatedAt()));
            start = end;
        }
        return out;
    }

    private record Row(
            String id,
            String name,
            long createdAt,
            long updatedAt,
            String slackChannel,
            boolean teamsWebhook,
            String email) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getString(7));
    }
}
