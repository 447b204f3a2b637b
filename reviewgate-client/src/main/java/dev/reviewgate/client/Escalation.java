package dev.reviewgate.client;

import java.time.Instant;
import java.util.List;

/**
 * One escalation of a passed deadline ({@link Deadline.OnExpire#ESCALATE}): who was added to the
 * assignees and the new due time, after which the deadline's {@code then} applies.
 *
 * @param at             when the deadline passed
 * @param assignTo       users (e-mails) added to the assignees
 * @param assignToGroups groups added to the assignees
 * @param dueAt          the new due time
 */
public record Escalation(Instant at, List<String> assignTo, List<String> assignToGroups, Instant dueAt) {

    /**
     * Normalises absent lists.
     *
     * @param at             when the deadline passed
     * @param assignTo       users added
     * @param assignToGroups groups added
     * @param dueAt          the new due time
     */
    public Escalation {
        assignTo = assignTo == null ? List.of() : List.copyOf(assignTo);
        assignToGroups = assignToGroups == null ? List.of() : List.copyOf(assignToGroups);
    }
}
