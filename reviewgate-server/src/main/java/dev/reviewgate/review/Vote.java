package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;

/** One approval toward a quorum: by a distinct decider, on one exact version. */
public record Vote(String versionId, Actor decidedBy, Via via, long votedAt) {}
