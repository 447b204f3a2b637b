package dev.reviewgate.audit;

import dev.reviewgate.kernel.Actor;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The request being served on this thread, as the audit log needs it: where it came from and who is
 * acting. A before-handler opens it for every HTTP request and an after-handler closes it, so
 * services that are handed only an account id still record the real actor, channel and client
 * without each signature carrying them. Each request runs on its own virtual thread.
 */
public final class RequestScope {

    /** The request's origin, and its actor resolved on first use (a session lookup is not free). */
    record Current(Origin origin, Supplier<Optional<Actor>> actor) {}

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private RequestScope() {}

    public static void open(Origin origin, Supplier<Optional<Actor>> actor) {
        CURRENT.set(new Current(origin, actor));
    }

    public static void close() {
        CURRENT.remove();
    }

    static Origin origin() {
        Current current = CURRENT.get();
        return current == null ? Origin.NONE : current.origin();
    }

    static Optional<Actor> actor() {
        Current current = CURRENT.get();
        return current == null ? Optional.empty() : current.actor().get();
    }
}
