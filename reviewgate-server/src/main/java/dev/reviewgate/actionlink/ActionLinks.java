package dev.reviewgate.actionlink;

import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.kernel.Via;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Issues and resolves action links: {@code <publicUrl>/a/<token>} with a 256-bit random token of
 * which only the SHA-256 is stored. A link is used at most once, in the same transaction as the
 * decision it makes.
 */
public final class ActionLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActionLinkRepository links;
    private final String publicUrl;
    private final Duration ttl;

    public ActionLinks(ActionLinkRepository links, String publicUrl, Duration ttl) {
        this.links = links;
        this.publicUrl = publicUrl;
        this.ttl = ttl;
    }

    /**
     * A new link's address; the token in it exists nowhere else.
     *
     * @param userId who the link decides as, or null to ask whoever opens it to sign in
     */
    public String issue(
            Handle h,
            String accountId,
            String userId,
            Via via,
            String reviewId,
            String versionId,
            ActionLink.Action action,
            long now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        links.insert(
                h,
                new ActionLink(
                        hash(token),
                        accountId,
                        userId,
                        via,
                        reviewId,
                        versionId,
                        action,
                        now,
                        now + ttl.toMillis(),
                        null));
        return publicUrl + "/a/" + token;
    }

    /** The link behind {@code token}, if it is one of ours; the lookup is by hash, never by token. */
    public Optional<ActionLink> find(Handle h, String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return links.find(h, hash(token));
    }

    /** Uses the link; false when it was used, or expired, before this call. */
    public boolean use(Handle h, ActionLink link, long now) {
        return links.use(h, link.tokenHash(), now);
    }

    /** Base64url of 32 bytes: 43 characters. Anything else is refused before a query. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(ActionLinks::base64url);
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static String hash(String token) {
        return CanonicalJson.sha256Hex(token);
    }
}
