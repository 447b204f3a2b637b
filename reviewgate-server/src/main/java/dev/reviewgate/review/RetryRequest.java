package dev.reviewgate.review;

/** What a reviewer asks of one field: a rerun, or a text instruction with its text. */
public record RetryRequest(InstructionType type, String text) {

    public static RetryRequest rerun() {
        return new RetryRequest(InstructionType.RERUN, null);
    }

    public static RetryRequest text(String text) {
        return new RetryRequest(InstructionType.TEXT, text);
    }
}
