package dev.reviewgate.ui.session;

import dev.reviewgate.error.Problem;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses browser requests that another site started: a cross-site form that signs the victim in
 * to the attacker's account, or one that rides a session. The CSRF token alone does not stop the
 * first (there is no session yet), and a leaked token would allow the second.
 *
 * <p>A request is ours when {@code Sec-Fetch-Site} says so, and its {@code Origin} (else its
 * {@code Referer}) is the configured public URL's origin or the origin the request itself was
 * addressed to. A browser cannot forge either header for a request it sends elsewhere; a client
 * that sends neither (curl, an old browser) still needs the CSRF token for anything behind a session.
 * {@code Origin: null} counts as absent: our pages' {@code Referrer-Policy: no-referrer} makes
 * browsers send exactly that on their own same-origin posts.
 */
final class SameOrigin {

    private final Optional<String> publicOrigin;

    SameOrigin(String publicUrl) {
        this.publicOrigin = origin(publicUrl);
    }

    /** Throws a 403 when the request is known to come from another site. */
    void check(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw refused();
        }
        String source = ctx.header("Origin");
        if (source == null || source.equals("null")) {
            source = ctx.header("Referer");
        }
        if (source != null && !allowed(source, ctx)) {
            throw refused();
        }
    }

    private boolean allowed(String source, Context ctx) {
        Optional<String> from = origin(source);
        if (from.isEmpty()) {
            return false;
        }
        return from.equals(publicOrigin) || from.equals(origin(ctx.scheme() + "://" + ctx.host()));
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or empty when unreadable. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Problem refused() {
        return Problem.forbidden("Requests from another site cannot sign in or change anything here.");
    }
}
