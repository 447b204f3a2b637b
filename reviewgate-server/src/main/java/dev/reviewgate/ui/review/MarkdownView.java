package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;

/**
 * A {@code markdown} field: rendered, with its source to edit.
 *
 * @param common what every field view has
 * @param source the Markdown source, or what the reviewer typed
 * @param html   the value rendered by {@link Markdown}, sanitised; empty when it is no string
 */
public record MarkdownView(Common common, String source, String html) implements FieldView {

    @Override
    public String type() {
        return FieldType.MARKDOWN.jsonName();
    }
}
