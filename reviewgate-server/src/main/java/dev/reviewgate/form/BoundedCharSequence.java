package dev.reviewgate.form;

/**
 * A string view that gives up after a fixed number of character reads. Java regular expressions
 * backtrack, so a short pattern such as {@code (a+)+$} can take exponential time; counting reads
 * caps the work per match without threads or timeouts.
 */
final class BoundedCharSequence implements CharSequence {

    /** Thrown when a match has read more characters than its budget allows. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regular expression budget exceeded", null, false, false);
        }
    }

    private final String text;
    private final int[] remaining;

    BoundedCharSequence(String text) {
        // Generous for linear matching (dozens of reads per character) yet far below exponential blow-up.
        this(text, new int[]{Math.max(100_000, text.length() * 64)});
    }

    private BoundedCharSequence(String text, int[] remaining) {
        this.text = text;
        this.remaining = remaining;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
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
        // Shares the budget: the regex engine must not escape the limit through a sub-sequence.
        return new BoundedCharSequence(text.substring(start, end), remaining);
    }

    @Override
    public String toString() {
        return text;
    }
}
