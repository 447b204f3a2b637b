package dev.reviewgate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency samples (nanoseconds) and how long they took in all: percentiles and a rate. A sample
 * below zero or an empty window cannot be a measurement, so it fails the run here, where it is
 * made, instead of being printed.
 */
record Stats(List<Long> samples, long elapsedNanos) {

    Stats {
        if (elapsedNanos <= 0) {
            throw new IllegalStateException("a measuring window of " + elapsedNanos + " ns is impossible");
        }
        for (long s : samples) {
            if (s < 0) {
                throw new IllegalStateException("a latency of " + s / 1e6 + " ms is impossible: the clock"
                        + " was read in the wrong order, or an answer was counted before its request");
            }
        }
    }

    static Stats of(List<Long> samples, long elapsedNanos) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Stats(List.copyOf(sorted), elapsedNanos);
    }

    int count() {
        return samples.size();
    }

    double perSecond() {
        return samples.size() / (elapsedNanos / 1e9);
    }

    double p50Ms() {
        return percentile(0.50);
    }

    double p99Ms() {
        return percentile(0.99);
    }

    double maxMs() {
        return percentile(1.0);
    }

    private double percentile(double p) {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples: a percentile of nothing would be printed as a figure");
        }
        int index = Math.min(samples.size() - 1, (int) Math.ceil(p * samples.size()) - 1);
        return samples.get(Math.max(0, index)) / 1e6;
    }
}
