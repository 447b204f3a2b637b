package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;

/**
 * A {@code link} field: the link (http/https only) and its two parts to edit.
 *
 * @param common what every field view has
 * @param url    the URL, or ""
 * @param text   the link text, or ""
 */
public record LinkView(Common common, String url, String text) implements FieldView {

    @Override
    public String type() {
        return FieldType.LINK.jsonName();
    }
}
