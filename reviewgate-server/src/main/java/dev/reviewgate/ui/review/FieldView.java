package dev.reviewgate.ui.review;

import java.util.List;

/**
 * One field as the review page shows and edits it: a record per field type over a {@link Common}
 * part. Agent output only reaches the page through the strings of these records, which the
 * templates escape; {@link MarkdownView#html()} is the one exception and is produced by
 * {@link Markdown}, which sanitises it.
 */
public sealed interface FieldView
        permits TextView,
                MarkdownView,
                JsonView,
                NumberView,
                BooleanView,
                SelectView,
                ImagesView,
                LinkView,
                PageGroupsView {

    /** The synthetic field of an open extract form: the whole snapshot as JSON. */
    String WHOLE_SNAPSHOT = "__snapshot";

    /** What this field shows whatever its type. */
    Common common();

    /** The field type's name in form JSON, e.g. {@code pageGroups}; the page styles fields by it. */
    String type();

    /**
     * The part every field view has.
     *
     * @param header the field itself and whether it may be changed
     * @param retry  the retry controls and what the reviewer entered in them
     * @param errors what was wrong with the reviewer's last input for this field
     */
    record Common(Header header, RetryControls retry, List<String> errors) {

        public Common {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Which field this is.
     *
     * @param id          the field id, the key in snapshots and form parameters
     * @param label       the label, or the id when the form gives none
     * @param description help text, or null
     * @param editable    the reviewer may change the value
     * @param wasEdited   a human edit changed the value in the version on screen
     */
    record Header(String id, String label, String description, boolean editable, boolean wasEdited) {}

    /**
     * The per-field retry controls.
     *
     * @param button           the reviewer may ask for a plain rerun
     * @param instructions     the reviewer may type instructions
     * @param rerunDraft       the rerun box was ticked in the refused request
     * @param instructionDraft the instructions typed in the refused request, or ""
     */
    record RetryControls(boolean button, boolean instructions, boolean rerunDraft, String instructionDraft) {

        /** No retry of any kind, nothing entered. */
        public static final RetryControls NONE = new RetryControls(false, false, false, "");

        /** True when the field offers any retry. */
        public boolean any() {
            return button || instructions;
        }
    }
}
