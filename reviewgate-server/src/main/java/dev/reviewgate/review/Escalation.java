package dev.reviewgate.review;

import dev.reviewgate.routing.Assignees;

/** One escalation of an expired deadline: when, who was added to the assignees, and the new due time. */
public record Escalation(long at, Assignees added, long dueAt) {}
