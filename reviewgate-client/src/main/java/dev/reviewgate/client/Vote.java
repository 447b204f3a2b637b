package dev.reviewgate.client;

import java.time.Instant;

/**
 * One approval toward a quorum (a form's {@code approvals.required} above 1): by a distinct person,
 * on one exact version. A new version voids earlier votes for the quorum, but they stay listed with
 * the version they were for.
 *
 * @param versionId the version approved
 * @param decidedBy who voted
 * @param via       the channel the vote came through
 * @param votedAt   when
 */
public record Vote(String versionId, Actor decidedBy, Via via, Instant votedAt) {}
