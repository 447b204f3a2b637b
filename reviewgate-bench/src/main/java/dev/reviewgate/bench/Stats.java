package dev.reviewgate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples (nanoseconds) and how long they took in all: percentiles and a rate. */
record Stats(List<Long> samples, long elapsedNanos) {

    static Stats of(List<Long> samples, long elapsedNanos) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Stats(List.copyOf(sorted), elapsedNanos);
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

    private double percentile(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(samples.size() - 1, (int) Math.ceil(p * samples.size()) - 1);
        return samples.get(Math.max(0, index)) / 1e6;
    }
}
