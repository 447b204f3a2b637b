package dev.reviewgate.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The account's groups ({@code /v1/groups}): named sets of users that reviews are assigned to
 * ({@link Assignees#groups(String...)}) and the queue is filtered by ({@link ListParams#assignee(String)}).
 * Members are e-mails of the account's users.
 */
public final class Groups {

    private final Transport transport;

    Groups(Transport transport) {
        this.transport = transport;
    }

    /**
     * Every group of the account.
     *
     * @return the groups; pages are fetched while iterating
     */
    public Paginated<Group> list() {
        return new Paginated<>(
                transport,
                cursor -> "/v1/groups?limit=200" + (cursor == null ? "" : "&cursor=" + ReviewAddress.segment(cursor)),
                Group.class);
    }

    /**
     * One group.
     *
     * @param groupId the group id
     * @return the group
     * @throws NotFoundException when there is no such group
     */
    public Group get(String groupId) {
        return Json.convert(transport.send(Transport.Call.get(path(groupId))), Group.class);
    }

    /**
     * Creates a group.
     *
     * @param groupId 1–64 of {@code A-Z a-z 0-9 . _ -}
     * @param name    the name shown
     * @param members e-mails of the account's users
     * @return the new group
     * @throws ValidationException when a member is unknown (a pointer at each, e.g. {@code /members/2})
     * @throws ConflictException   when the id is taken
     */
    public Group create(String groupId, String name, List<String> members) {
        ObjectNode body = body(name, members).put("id", Objects.requireNonNull(groupId, "groupId"));
        return Json.convert(transport.send(Transport.Call.post("/v1/groups", body)), Group.class);
    }

    /**
     * Replaces a group's name and every member.
     *
     * @param groupId the group id
     * @param name    the name shown
     * @param members the new members' e-mails
     * @return the group after the change
     * @throws ValidationException when a member is unknown
     * @throws NotFoundException   when there is no such group
     */
    public Group replace(String groupId, String name, List<String> members) {
        return Json.convert(transport.send(Transport.Call.put(path(groupId), body(name, members))), Group.class);
    }

    /**
     * Deletes a group.
     *
     * @param groupId the group id
     * @throws NotFoundException when there is no such group
     */
    public void delete(String groupId) {
        transport.send(Transport.Call.delete(path(groupId)));
    }

    private static ObjectNode body(String name, List<String> members) {
        ObjectNode body = Json.object().put("name", Objects.requireNonNull(name, "name"));
        body.set("members", Json.tree(List.copyOf(members)));
        return body;
    }

    private static String path(String groupId) {
        return "/v1/groups/" + ReviewAddress.segment(groupId);
    }
}
