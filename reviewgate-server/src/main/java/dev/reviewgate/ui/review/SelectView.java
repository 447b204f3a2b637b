package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;
import java.util.List;

/**
 * A {@code select} field: a dropdown, or checkboxes when several may be chosen.
 *
 * @param common   what every field view has
 * @param choices  the options in form order, each with whether the value holds it
 * @param multiple the value is an array of choices
 */
public record SelectView(Common common, List<Choice> choices, boolean multiple) implements FieldView {

    public SelectView {
        choices = List.copyOf(choices);
    }

    /** A select option. */
    public record Choice(String value, String label, boolean selected) {}

    @Override
    public String type() {
        return FieldType.SELECT.jsonName();
    }
}
