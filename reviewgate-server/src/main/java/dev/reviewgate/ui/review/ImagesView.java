package dev.reviewgate.ui.review;

import dev.reviewgate.form.FieldType;
import dev.reviewgate.form.ImagesOptions.Selection;
import java.util.List;

/**
 * An {@code images} field: a gallery in which the reviewer keeps some images.
 *
 * @param common    what every field view has
 * @param pictures  the images of the version on screen
 * @param selection how many of them may be kept
 */
public record ImagesView(Common common, List<Picture> pictures, Selection selection) implements FieldView {

    public ImagesView {
        pictures = List.copyOf(pictures);
    }

    /** An image of the version on screen; {@code kept} when the shown value still contains it. */
    public record Picture(int index, String url, String alt, boolean kept) {}

    @Override
    public String type() {
        return FieldType.IMAGES.jsonName();
    }
}
