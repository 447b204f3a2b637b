package dev.reviewgate.form;

/**
 * Which retry requests a reviewer may send for one field (gotoHuman's per-field retry settings).
 *
 * @param button       the reviewer may ask for a plain rerun ({@code {"type":"rerun"}})
 * @param instructions the reviewer may type instructions ({@code {"type":"textInstruction"}})
 */
public record Retry(boolean button, boolean instructions) {

    /** No retry of any kind; the default for fields that do not say otherwise. */
    public static final Retry NONE = new Retry(false, false);

    /** Both kinds; what the Retab block presets expand to. */
    public static final Retry BOTH = new Retry(true, true);
}
