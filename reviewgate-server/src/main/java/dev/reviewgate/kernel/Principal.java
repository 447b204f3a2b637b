package dev.reviewgate.kernel;

/**
 * Who is calling: the account every query is scoped to, and the actor recorded when the caller
 * does not name an {@code author}.
 */
public record Principal(String accountId, String credentialId, Actor actor) {}
