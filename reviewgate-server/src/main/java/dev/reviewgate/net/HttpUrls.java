package dev.reviewgate.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one syntax check of the URLs the service accepts (webhook targets, link fields, review and
 * form webhook URLs): absolute http or https, a host, a valid port, at most {@link #MAX_LENGTH}
 * characters. Whether a webhook may be sent there is {@link SsrfGuard}'s question on top.
 */
public final class HttpUrls {

    public static final int MAX_LENGTH = 2048;

    private HttpUrls() {}

    /**
     * Why {@code url} is not such a URL, in a sentence that starts with {@code noun} (e.g. "webhook
     * URL"); empty when it is one.
     */
    public static Optional<String> problem(String url, String noun) {
        if (url == null || url.isBlank()) {
            return Optional.of(noun + " is empty");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of(noun + " is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(noun + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // javascript:, data: and file: URLs would be unsafe as links in the reviewer's page.
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(noun + " must be an absolute http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(noun + " must have a valid host (use punycode for international names)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of(noun + " port must be between 1 and 65535");
        }
        return Optional.empty();
    }
}
