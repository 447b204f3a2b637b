package dev.reviewgate.policy;

import java.util.regex.Pattern;

/**
 * Regular-expression matching with bounded cost. Patterns come from form authors and inputs from
 * models, so a backtracking pattern such as {@code (a+)+b} must not pin a request thread: inputs are
 * capped at {@value #MAX_INPUT} characters and the matcher may read at most {@value #MAX_STEPS}
 * characters before giving up. Giving up counts as "no match".
 */
final class BoundedRegex {

    static final int MAX_PATTERN = 200;
    static final int MAX_INPUT = 10_000;
    static final int MAX_STEPS = 1_000_000;

    private BoundedRegex() {
    }

    /** Whether {@code pattern} matches somewhere in {@code input} (unanchored, like JSON Schema). */
    static boolean find(String pattern, String input) {
        return find(pattern, input, MAX_STEPS);
    }

    /** {@link #find(String, String)} with an explicit step budget, so tests can exhaust it cheaply. */
    static boolean find(String pattern, String input, int steps) {
        if (input.length() > MAX_INPUT) {
            return false;
        }
        try {
            return Pattern.compile(pattern).matcher(new Budgeted(input, new int[] {steps})).find();
        } catch (BudgetExceeded | StackOverflowError e) {
            // java.util.regex recurses per repetition; deep recursion is another way of "too costly".
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A view of a string that counts every character the matcher reads against a shared budget. */
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
