package dev.reviewgate.audit;

/** One stored entry of an account's chain: its position, time, what happened, from where, and its links. */
public record AuditEntry(long seq, long time, AuditEvent event, Origin origin, String prevHash, String hash) {}
