package dev.reviewgate.client;

/**
 * The answer to {@link Reviews#edit(EditRequest)}.
 *
 * @param versionId the content-hash id of the appended (or already existing) version
 * @param created   false when the same snapshot with the same parent already existed
 * @param review    the review after the edit
 */
public record Edited(String versionId, boolean created, Review review) {}
