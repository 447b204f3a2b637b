package dev.reviewgate.kernel;

/**
 * Who is calling: the account every query is scoped to, the actor recorded when the caller does not
 * name an {@code author}, and the channel the call came through (recorded as {@code via}).
 */
public record Principal(String accountId, String credentialId, Actor actor, Via via) {

    /** The same caller reaching the service through another channel (an MCP tool call, say). */
    public Principal withVia(Via other) {
        return new Principal(accountId, credentialId, actor, other);
    }

    /** A person signed in to a channel (web, e-mail, Slack, Teams), where routing and claims apply. */
    public boolean isPerson() {
        return via.isHumanChannel();
    }
}
