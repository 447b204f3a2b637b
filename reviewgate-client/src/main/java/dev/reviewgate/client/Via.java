package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The channel a decision, vote, claim, instruction or event came through. Calls made with the SDK
 * arrive through {@link #API}.
 */
public enum Via {
    /** The HTTP API, with an API key (this SDK). */
    @JsonProperty("api")
    API,
    /** The reviewer's web app. */
    @JsonProperty("web")
    WEB,
    /** An action link in a notification e-mail. */
    @JsonProperty("email")
    EMAIL,
    /** A Slack message's buttons. */
    @JsonProperty("slack")
    SLACK,
    /** A Microsoft Teams card. */
    @JsonProperty("teams")
    TEAMS,
    /** The MCP server's tools. */
    @JsonProperty("mcp")
    MCP,
    /** The form's review policy, deciding at creation. */
    @JsonProperty("policy")
    POLICY,
    /** A deadline that passed ({@link Deadline.OnExpire}). */
    @JsonProperty("deadline")
    DEADLINE,
    /** A channel this SDK version does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN
}
