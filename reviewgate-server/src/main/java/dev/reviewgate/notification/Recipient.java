package dev.reviewgate.notification;

/** A person a notification is for, with their preferences. */
public record Recipient(String userId, String email, String displayName, Preferences preferences) {}
