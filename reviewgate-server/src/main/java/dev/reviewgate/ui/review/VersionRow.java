package dev.reviewgate.ui.review;

/** A line of the version list: which version, who made it, when and how. */
public record VersionRow(
        String id, String shortId, String origin, String author, String when, String note, boolean head) {}
