package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;

/**
 * A {@code number} field: an input.
 *
 * @param common what every field view has
 * @param text   the value in plain notation, or what the reviewer typed
 */
public record NumberView(Common common, String text) implements FieldView {

    @Override
    public String type() {
        return FieldType.NUMBER.jsonName();
    }
}
