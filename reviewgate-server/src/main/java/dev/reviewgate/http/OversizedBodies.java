package dev.reviewgate.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

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
    static final long DRAIN_TIME = TimeUnit.SECONDS.toNanos(5);

    private OversizedBodies() {}

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
            if (!drained(ctx.req().getInputStream(), bound)) {
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing more can be read; the answer still goes out and the connection closes.
            ctx.header("Connection", "close");
        }
    }

    /**
     * After a handler that had no use for the body (a rotate, a revoke, a 404): the same race as a
     * 413, so what is left is read and thrown away before the answer goes out. A body that was read
     * is at its end already and costs one call. A client awaiting 100-continue has not sent it.
     */
    public static void discardUnread(Context ctx, long limit) {
        String expect = ctx.header("Expect");
        if (ctx.contentLength() == 0
                || "close".equalsIgnoreCase(ctx.res().getHeader("Connection"))
                || (expect != null && expect.equalsIgnoreCase("100-continue"))) {
            return;
        }
        try {
            if (!drained(ctx.req().getInputStream(), Math.multiplyExact(limit, DRAIN_FACTOR))) {
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException e) {
            // Read another way (form parameters) or gone with the client: nothing left to wait for.
        }
    }

    /** Reads {@code in} to its end unless it holds more than {@code bound} bytes or takes longer than {@link #DRAIN_TIME}. */
    private static boolean drained(InputStream in, long bound) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long read = 0;
        long deadline = System.nanoTime() + DRAIN_TIME;
        for (int n; (n = in.read(sink)) != -1; ) {
            read += n;
            if (read > bound || System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return true;
    }
}
