package dev.reviewgate.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refusing a body that is too large without reading it makes the server close a connection that
 * still holds unread bytes; TCP then resets it, and the client can lose the 413 it was about to
 * read. So a body up to {@link #DRAIN_FACTOR} times the limit, arriving within {@link #DRAIN_TIME},
 * is read and thrown away before the answer. Anything larger or slower is answered with
 * {@code Connection: close} instead, and so is a client that sent {@code Expect: 100-continue}: it
 * has not sent the body yet, and reading would invite it to.
 */
public final class OversizedBodies {

    /** Bodies up to this multiple of the limit are drained so the client reliably sees the 413. */
    static final long DRAIN_FACTOR = 4;
    /** How long a refused body may take to arrive before the server stops reading it. */
    static final long DRAIN_TIME = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private OversizedBodies() {
    }

    /** Discards what is left of the request body, or marks the connection to close when too much is left. */
    public static void discardRemaining(Context ctx, long limit) {
        long declared = ctx.contentLength();
        long bound = Math.multiplyExact(limit, DRAIN_FACTOR);
        String expect = ctx.header("Expect");
        if (declared > bound || (expect != null && expect.equalsIgnoreCase("100-continue"))) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[16 * 1024];
            long read = 0;
            long deadline = System.nanoTime() + DRAIN_TIME;
            for (int n; (n = in.read(sink)) != -1; ) {
                read += n;
                if (read > bound || System.nanoTime() - deadline > 0) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing more can be read; the answer still goes out and the connection closes.
            ctx.header("Connection", "close");
        }
    }
}
