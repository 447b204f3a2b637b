package dev.reviewgate.form;

/**
 * The options of a {@code text} field.
 *
 * @param multiline the reviewer edits the value in a textarea rather than a one-line input
 */
public record TextOptions(boolean multiline) implements FieldOptions {}
