package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;

/**
 * A {@code text} field: an input, or a textarea when multiline.
 *
 * @param common    what every field view has
 * @param text      the value, or what the reviewer typed
 * @param multiline edited in a textarea
 */
public record TextView(Common common, String text, boolean multiline) implements FieldView {

    @Override
    public String type() {
        return FieldType.TEXT.jsonName();
    }
}
