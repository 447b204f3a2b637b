package dev.reviewgate.ui.review;

import java.util.List;

/**
 * One field as the review page shows and edits it. Agent output only reaches the page through
 * these strings, which the templates escape; {@code html} is the one exception and is produced by
 * {@link Markdown}, which sanitises it.
 */
public record FieldView(String id, String label, String type, String description, boolean editable,
                        boolean retryButton, boolean retryInstructions, boolean wasEdited, String text, String html,
                        boolean multiline, boolean bool, List<Choice> choices, boolean multiple, List<Picture> pictures,
                        String selection, String linkUrl, String linkText, List<Group> groups, String keyName,
                        List<String> errors, String instructionDraft, boolean rerunDraft) {

    /** The synthetic field of an open extract form: the whole snapshot as JSON. */
    public static final String WHOLE_SNAPSHOT = "__snapshot";

    /** A select option. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** An image of the version on screen; {@code kept} when the shown value still contains it. */
    public record Picture(int index, String url, String alt, boolean kept) {
    }

    /** One page group row: its key and its pages as typed ("1-3, 5"). */
    public record Group(String key, String pages) {
    }

    public boolean hasRetry() {
        return retryButton || retryInstructions;
    }

    public boolean isType(String name) {
        return type.equals(name);
    }
}
