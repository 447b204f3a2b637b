package dev.reviewgate.form;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of an {@code images} field.
 *
 * @param selection how many of the offered images a reviewer may keep
 */
public record ImagesOptions(Selection selection) implements FieldOptions {

    public ImagesOptions {
        Objects.requireNonNull(selection, "selection");
    }

    /** How a reviewer picks among the images of the version under review. */
    public enum Selection {
        /** The images are shown, not picked: a human edit must keep them as they are. */
        NONE,
        /** At most one image may be kept. */
        SINGLE,
        /** Any subset may be kept. */
        MULTIPLE;

        /** The name of this mode in form JSON, e.g. {@code single}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named {@code name} in form JSON; exact, case-sensitive match. */
        static Optional<Selection> fromJson(String name) {
            return Arrays.stream(values())
                    .filter(s -> s.jsonName().equals(name))
                    .findFirst();
        }
    }
}
