package dev.reviewgate.form;

import java.util.List;

/**
 * The options of a {@code select} field.
 *
 * @param options  the choices, in the order the form lists them; their values are unique
 * @param multiple the value is an array of option values rather than one of them
 */
public record SelectOptions(List<Option> options, boolean multiple) implements FieldOptions {

    public SelectOptions {
        options = List.copyOf(options);
    }

    /**
     * One choice of a select field.
     *
     * @param value what a snapshot holds when this option is chosen
     * @param label what the reviewer sees; null to show the value
     */
    public record Option(String value, String label) {}
}
