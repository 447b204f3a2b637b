package dev.reviewgate.support;

import java.util.regex.Pattern;

/**
 * Regular-expression matching with bounded cost, for patterns written by form authors and applied
 * to model output. Java's regex engine backtracks, so a short pattern such as {@code (a+)+b} can
 * take exponential time; the matcher here reads the input through a view that counts every
 * character read against a budget and gives up when it is spent. No threads, no timeouts.
 */
public final class BoundedRegex {

    /** What a bounded match found; {@code TOO_COSTLY} leaves it to the caller what that means. */
    public enum Result {
        MATCH,
        NO_MATCH,
        TOO_COSTLY
    }

    /** Reads allowed per input character: generous for linear matching, far below exponential blow-up. */
    static final int STEPS_PER_CHAR = 64;

    static final int MIN_STEPS = 1_000_000;

    private BoundedRegex() {}

    /** Whether {@code pattern} matches somewhere in {@code input} (unanchored, as in JSON Schema). */
    public static Result find(String pattern, String input) {
        return find(pattern, input, Math.max(MIN_STEPS, input.length() * STEPS_PER_CHAR));
    }

    /** {@link #find(String, String)} with an explicit budget of character reads. */
    public static Result find(String pattern, String input, int steps) {
        try {
            boolean found = Pattern.compile(pattern)
                    .matcher(new Budgeted(input, new int[] {steps}))
                    .find();
            return found ? Result.MATCH : Result.NO_MATCH;
        } catch (BudgetExceeded | StackOverflowError e) {
            // java.util.regex recurses per repetition; deep recursion is another way of "too costly".
            return Result.TOO_COSTLY;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A view of a string that counts every character read against a budget shared with its sub-sequences. */
    // The one-element array is the shared, mutable counter (an AtomicInteger would cost a volatile write
    // per character read); a Budgeted is never compared or hashed, so its identity equals is never seen.
    @SuppressWarnings("ArrayRecordComponent")
    private record Budgeted(String text, int[] budget) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
