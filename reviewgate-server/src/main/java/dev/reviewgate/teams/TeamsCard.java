package dev.reviewgate.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.event.EventType;
import dev.reviewgate.json.Json;
import dev.reviewgate.notification.Excerpt;

/**
 * The message a Teams Workflows webhook takes ("post a message with attachments"): one Adaptive
 * Card 1.4 with the trigger, the title, the form, a short excerpt and three {@code Action.OpenUrl}
 * buttons, Open, Approve and Reject, the last two to one-time confirm pages. Adaptive Card text is
 * markdown: agent text is escaped so that it shows as written and makes no links or emphasis.
 */
public record TeamsCard(
        EventType trigger,
        String title,
        String formName,
        Excerpt excerpt,
        String openUrl,
        String approveUrl,
        String rejectUrl) {

    static final int MAX_TITLE = 300;

    public String json() {
        ObjectNode card = Json.object()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject()
                .put("type", "TextBlock")
                .put("text", headline())
                .put("size", "Small")
                .put("isSubtle", true)
                .put("wrap", true);
        body.addObject()
                .put("type", "TextBlock")
                .put("text", escape(cut(title, MAX_TITLE)))
                .put("weight", "Bolder")
                .put("size", "Medium")
                .put("wrap", true);
        body.addObject()
                .put("type", "TextBlock")
                .put("text", "Form: " + escape(cut(formName, MAX_TITLE)))
                .put("isSubtle", true)
                .put("spacing", "None")
                .put("wrap", true);
        if (!excerpt.lines().isEmpty()) {
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            for (Excerpt.Line line : excerpt.lines()) {
                facts.addObject().put("title", escape(line.field())).put("value", escape(line.value()));
            }
        }
        if (excerpt.truncated()) {
            body.addObject().put("type", "TextBlock").put("text", "…").put("isSubtle", true);
        }
        ArrayNode actions = card.putArray("actions");
        actions.addObject().put("type", "Action.OpenUrl").put("title", "Open").put("url", openUrl);
        actions.addObject()
                .put("type", "Action.OpenUrl")
                .put("title", "Approve")
                .put("url", approveUrl);
        actions.addObject().put("type", "Action.OpenUrl").put("title", "Reject").put("url", rejectUrl);
        ObjectNode message = Json.object().put("type", "message");
        message.putArray("attachments")
                .addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putNull("contentUrl")
                .set("content", card);
        return Json.write(message);
    }

    String headline() {
        return switch (trigger) {
            case ASSIGNED -> "Review assigned";
            case REMINDER -> "Reminder: this review still waits for a decision";
            case ESCALATED -> "Escalated: the deadline is near or has passed";
            case UPDATED -> "Back for review";
            default -> "Review requested";
        };
    }

    /**
     * Text that the card's markdown shows as written: every markdown punctuation mark is
     * backslash-escaped (so no emphasis, link, list or heading comes of agent text), and
     * {@code ://} is broken with a zero-width space so that clients do not turn a URL into a link.
     * Control characters (the excerpt already dropped them) become spaces.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if ("\\`*_{}[]()<>#+-.!|~=".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString().replace("://", ":\u200B//");
    }

    private static String cut(String text, int max) {
        String s = text == null ? "" : text.strip();
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }
}
