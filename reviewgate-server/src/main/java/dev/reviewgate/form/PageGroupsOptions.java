package dev.reviewgate.form;

import java.util.Objects;

/**
 * The options of a {@code pageGroups} field.
 *
 * @param keyName the member that names each group next to its {@code pages}, e.g. {@code name}
 */
public record PageGroupsOptions(String keyName) implements FieldOptions {

    public PageGroupsOptions {
        Objects.requireNonNull(keyName, "keyName");
    }
}
