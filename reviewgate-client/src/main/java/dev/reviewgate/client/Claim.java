package dev.reviewgate.client;

import java.time.Instant;

/**
 * Who is working on a review, through which channel, and until when. While a claim is live, other
 * people cannot instruct, edit or decide through the web app, e-mail, Slack or Teams; a lapsed claim
 * counts as none (the server then shows {@code claim} as null).
 *
 * @param by        who holds it
 * @param via       the channel it was taken through
 * @param claimedAt when it was first taken (a renewal keeps this)
 * @param expiresAt when the lease runs out unless renewed
 */
public record Claim(Actor by, Via via, Instant claimedAt, Instant expiresAt) {

    /**
     * Whether {@code actor} holds this claim: the same kind and id, as the server compares them.
     *
     * @param actor an actor
     * @return true when it is the holder
     */
    public boolean heldBy(Actor actor) {
        return by != null && by.kind() == actor.kind() && by.id().equals(actor.id());
    }
}
