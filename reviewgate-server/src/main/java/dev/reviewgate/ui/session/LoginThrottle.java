package dev.reviewgate.ui.session;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one e-mail from one
 * address within the window, further attempts are refused until the window has passed. Counted
 * per instance; a cluster multiplies the allowance by its size, which still bounds guessing.
 */
public final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    /** Seconds until {@code email} may try again from {@code address}; 0 when it may try now. */
    public long retryAfterSeconds(String email, String address) {
        Deque<Long> times = failures.get(key(email, address));
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < MAX_FAILURES) {
                return 0;
            }
            return Math.max(1, (times.peekFirst() + WINDOW.toMillis() - clock.millis()) / 1000);
        }
    }

    public void failed(String email, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        Deque<Long> times = failures.computeIfAbsent(key(email, address), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.millis());
        }
    }

    public void succeeded(String email, String address) {
        failures.remove(key(email, address));
    }

    private void prune(Deque<Long> times) {
        long cutoff = clock.millis() - WINDOW.toMillis();
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.pollFirst();
        }
    }

    private static String key(String email, String address) {
        return email.toLowerCase(Locale.ROOT) + "|" + address;
    }
}
