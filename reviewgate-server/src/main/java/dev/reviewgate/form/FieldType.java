package dev.reviewgate.form;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of value a form field can hold, with the names used in form JSON. */
public enum FieldType {
    TEXT("text"),
    MARKDOWN("markdown"),
    JSON("json"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    SELECT("select"),
    IMAGES("images"),
    LINK("link"),
    PAGE_GROUPS("pageGroups");

    private final String jsonName;

    FieldType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name of this type in form JSON, e.g. {@code pageGroups}. */
    public String jsonName() {
        return jsonName;
    }

    /** The type named {@code name} in form JSON; exact, case-sensitive match. */
    public static Optional<FieldType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    /** All JSON names, comma separated, for error messages. */
    static String allNames() {
        return Arrays.stream(values()).map(FieldType::jsonName).collect(Collectors.joining(", "));
    }
}
