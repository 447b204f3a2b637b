package dev.reviewgate.audit;

import dev.reviewgate.kernel.Via;

/** Where an audited action came from: the channel, and the client's address and user agent when it was a request. */
public record Origin(Via via, String clientAddress, String userAgent) {

    /** Outside any request (the command line, start-up): no channel, no client. */
    public static final Origin NONE = new Origin(null, null, null);

    static final int MAX_USER_AGENT = 512;
    static final int MAX_ADDRESS = 64;

    /** Bounds what a client sent: a user agent of kilobytes is cut, it is never refused. */
    public static Origin of(Via via, String clientAddress, String userAgent) {
        return new Origin(via, cut(clientAddress, MAX_ADDRESS), cut(userAgent, MAX_USER_AGENT));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
