package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;

/**
 * A {@code boolean} field: a checkbox.
 *
 * @param common  what every field view has
 * @param checked the value is true
 */
public record BooleanView(Common common, boolean checked) implements FieldView {

    @Override
    public String type() {
        return FieldType.BOOLEAN.jsonName();
    }
}
