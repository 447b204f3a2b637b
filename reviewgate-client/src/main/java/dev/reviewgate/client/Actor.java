package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Who did something: the same shape for version authors, instruction authors and deciders, so a
 * model, an agent and a person are never special-cased.
 *
 * @param kind        what kind of actor this is
 * @param id          a stable id, e.g. {@code gpt-4o}, {@code blog-agent}, {@code usr_…}
 * @param displayName a name to show, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(Kind kind, String id, String displayName) {

    /** The three kinds of actor. */
    public enum Kind {
        /** A language model that produced output. */
        @JsonProperty("model")
        MODEL,
        /** A program acting on its own behalf (an agent, a workflow, a review policy). */
        @JsonProperty("agent")
        AGENT,
        /** A person. */
        @JsonProperty("human")
        HUMAN
    }

    /**
     * Checks the required members.
     *
     * @param kind        what kind of actor this is
     * @param id          a stable id
     * @param displayName a name to show, or null
     */
    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * A model actor.
     *
     * @param id          e.g. {@code gpt-4o}
     * @param displayName e.g. {@code GPT-4o}, or null
     * @return the actor
     */
    public static Actor model(String id, String displayName) {
        return new Actor(Kind.MODEL, id, displayName);
    }

    /**
     * An agent actor.
     *
     * @param id          e.g. {@code blog-agent}
     * @param displayName e.g. {@code Blog agent}, or null
     * @return the actor
     */
    public static Actor agent(String id, String displayName) {
        return new Actor(Kind.AGENT, id, displayName);
    }

    /**
     * A human actor.
     *
     * @param id          e.g. the reviewer's user id or email
     * @param displayName e.g. {@code Dana Rivera}, or null
     * @return the actor
     */
    public static Actor human(String id, String displayName) {
        return new Actor(Kind.HUMAN, id, displayName);
    }
}
