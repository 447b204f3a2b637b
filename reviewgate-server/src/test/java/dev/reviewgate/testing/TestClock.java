package dev.reviewgate.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** The service's clock under test control: starts now, moves only when told, so retry schedules take no real time. */
public final class TestClock implements InstantSource {

    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    /** Back to real time (each test starts there, so signatures carry a current timestamp). */
    public void reset() {
        millis.set(System.currentTimeMillis());
    }

    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }
}
