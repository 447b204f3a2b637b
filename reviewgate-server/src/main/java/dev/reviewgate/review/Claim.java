package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;

/** Who is working on a review, through which channel, and until when. A lapsed claim counts as none. */
public record Claim(Actor by, Via via, long claimedAt, long expiresAt) {

    public static final int DEFAULT_TTL_SECONDS = 900;
    public static final int MAX_TTL_SECONDS = 86_400;

    public boolean isLiveAt(long now) {
        return expiresAt > now;
    }

    /** True when {@code actor} holds this claim (the same kind and id). */
    public boolean heldBy(Actor actor) {
        return by.kind().equals(actor.kind()) && by.id().equals(actor.id());
    }
}
