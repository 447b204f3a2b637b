package dev.reviewgate.form;

/**
 * The type-specific options of one field, with every default filled in: parsed once from form JSON
 * (or set by a block preset), then read through the accessors of the record its type carries.
 */
public sealed interface FieldOptions
        permits TextOptions, JsonOptions, SelectOptions, ImagesOptions, PageGroupsOptions, NoOptions {

    /** The options record a field of {@code type} carries. */
    static Class<? extends FieldOptions> kindOf(FieldType type) {
        return switch (type) {
            case TEXT -> TextOptions.class;
            case JSON -> JsonOptions.class;
            case SELECT -> SelectOptions.class;
            case IMAGES -> ImagesOptions.class;
            case PAGE_GROUPS -> PageGroupsOptions.class;
            case MARKDOWN, NUMBER, BOOLEAN, LINK -> NoOptions.class;
        };
    }
}
