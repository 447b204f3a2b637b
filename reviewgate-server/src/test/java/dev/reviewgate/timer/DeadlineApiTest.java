package dev.reviewgate.timer;

import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the deadline suites: the server's clock is a {@link TestClock} the test moves, reset to
 * real time before each test, and the blog form of {@link DeadlineFixture} exists.
 */
abstract class DeadlineApiTest extends ApiTest {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration SECOND = Duration.ofSeconds(1);

    final TestClock clock = new TestClock();
    DeadlineFixture fx;

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @Override
    protected void setUp() {
        fx = new DeadlineFixture(api, clock);
        fx.createForm();
    }

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    /** The kinds of the review's pending timer rows, sorted. */
    List<String> timerKinds(String reviewId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT kind FROM timers WHERE review_id = :r ORDER BY kind")
                        .bind("r", reviewId)
                        .mapTo(String.class)
                        .list());
    }
}
