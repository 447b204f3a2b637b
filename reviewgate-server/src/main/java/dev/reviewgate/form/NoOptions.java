package dev.reviewgate.form;

/** The options of the field types that have none: {@code markdown}, {@code number}, {@code boolean}, {@code link}. */
public record NoOptions() implements FieldOptions {

    /** The one value there is. */
    public static final NoOptions NONE = new NoOptions();
}
