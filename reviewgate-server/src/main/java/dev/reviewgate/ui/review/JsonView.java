package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;

/**
 * A {@code json} field, or the whole snapshot of an open extract form: pretty-printed, edited as text.
 *
 * @param common what every field view has
 * @param text   the value pretty-printed, or what the reviewer typed
 */
public record JsonView(Common common, String text) implements FieldView {

    @Override
    public String type() {
        return FieldType.JSON.jsonName();
    }
}
