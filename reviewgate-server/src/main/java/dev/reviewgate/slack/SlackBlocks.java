package dev.reviewgate.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.notification.Excerpt;
import dev.reviewgate.review.Claim;
import dev.reviewgate.review.Decision;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewStatus;
import dev.reviewgate.review.Verdict;

/**
 * A review as a Block Kit card: its title, form and a safe excerpt, where it stands (pending,
 * claimed by someone, decided by whom and through which channel), and while it waits the buttons
 * Approve, Reject and Claim beside Open. Agent content goes only into plain text or escaped mrkdwn,
 * so it can never mention {@code @channel}, a user or hide a link.
 */
public final class SlackBlocks {

    public static final String APPROVE = "reviewgate_approve";
    public static final String REJECT = "reviewgate_reject";
    public static final String CLAIM = "reviewgate_claim";
    public static final String OPEN = "reviewgate_open";
    public static final String ACTIONS_BLOCK = "reviewgate_actions";
    /** The reject modal: its callback id and the reason input's block and action ids. */
    public static final String REJECT_MODAL = "reviewgate_reject_modal";

    public static final String REASON_BLOCK = "reason";
    public static final String REASON_INPUT = "reason_input";
    public static final int MAX_REASON = 2000;

    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3000;

    /** The card: the notification text (shown where blocks are not) and the blocks. */
    public record Card(String text, ArrayNode blocks) {}

    private SlackBlocks() {}

    public static Card card(Review review, String publicUrl, long now) {
        String title = title(review);
        ArrayNode blocks = Json.array();
        blocks.addObject().put("type", "header").set("text", plain(cut(title, MAX_HEADER)));
        StringBuilder body = new StringBuilder("*Form:* ").append(escape(review.formName()));
        Excerpt excerpt = Excerpt.of(review.head().snapshot());
        for (Excerpt.Line line : excerpt.lines()) {
            body.append('\n')
                    .append('*')
                    .append(escape(line.field()))
                    .append(":* ")
                    .append(escape(line.value()));
        }
        if (excerpt.truncated()) {
            body.append("\n…");
        }
        blocks.addObject().put("type", "section").set("text", mrkdwn(cut(body.toString(), MAX_SECTION)));
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(state(review, now)));
        ArrayNode buttons = blocks.addObject()
                .put("type", "actions")
                .put("block_id", ACTIONS_BLOCK)
                .putArray("elements");
        if (review.status() == ReviewStatus.PENDING) {
            String value = new CardRef(review.accountId(), review.id(), review.headVersionId(), null).encode();
            buttons.add(button("Approve", APPROVE, value).put("style", "primary"));
            buttons.add(button("Reject", REJECT, value).put("style", "danger"));
            buttons.add(button("Claim", CLAIM, value));
        }
        buttons.add(button("Open", OPEN, null).put("url", publicUrl + "/reviews/" + review.id()));
        return new Card(escape(cut("Review: " + title + " (" + review.formName() + ")", MAX_HEADER)), blocks);
    }

    /** The modal that asks why, opened by Reject; {@code ref} comes back as its private metadata. */
    public static ObjectNode rejectModal(Review review, CardRef ref) {
        ObjectNode view = Json.object().put("type", "modal").put("callback_id", REJECT_MODAL);
        view.put("private_metadata", ref.encode());
        view.set("title", plain("Reject review"));
        view.set("submit", plain("Reject"));
        view.set("close", plain("Cancel"));
        ArrayNode blocks = view.putArray("blocks");
        blocks.addObject()
                .put("type", "section")
                .set("text", mrkdwn("*" + escape(cut(title(review), MAX_HEADER)) + "*\nThe agent reads your reason."));
        ObjectNode input = blocks.addObject().put("type", "input").put("block_id", REASON_BLOCK);
        input.set("label", plain("Why do you reject it?"));
        input.putObject("element")
                .put("type", "plain_text_input")
                .put("action_id", REASON_INPUT)
                .put("multiline", true)
                .put("max_length", MAX_REASON);
        return view;
    }

    /** Where the review stands, in mrkdwn. */
    static String state(Review review, long now) {
        Decision d = review.decision();
        if (d != null) {
            String verdict = d.verdict() == Verdict.APPROVED ? ":white_check_mark: Approved" : ":x: Rejected";
            String line = verdict + " by " + escape(d.decidedBy().displayNameOrId()) + " via "
                    + d.via().wire();
            if (d.reason() != null && !d.reason().isBlank()) {
                line += ": " + escape(cut(d.reason().replaceAll("\\s+", " "), 300));
            }
            return line;
        }
        if (review.status() == ReviewStatus.CHANGES_REQUESTED) {
            return "Changes requested: waiting for the agent's next version.";
        }
        Claim claim = review.liveClaim(now);
        StringBuilder out = new StringBuilder("Waiting for a decision");
        if (claim != null) {
            out.append(" · claimed by ")
                    .append(escape(claim.by().displayNameOrId()))
                    .append(" until ")
                    .append(date(claim.expiresAt()));
        }
        if (!review.votes().isEmpty()) {
            out.append(" · ")
                    .append(review.votesOn(review.headVersionId()).size())
                    .append(" approval(s) so far");
        }
        return out.toString();
    }

    /** Slack's date formatting, with the ISO time where a client cannot format it. */
    private static String date(long millis) {
        return "<!date^" + millis / 1000 + "^{date_short_pretty} {time}|" + Times.iso(millis) + ">";
    }

    /** Slack mrkdwn's three control characters, escaped as Slack asks. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String title(Review review) {
        return review.title() != null && !review.title().isBlank() ? review.title() : review.formName();
    }

    private static ObjectNode button(String label, String actionId, String value) {
        ObjectNode b = Json.object().put("type", "button").put("action_id", actionId);
        b.set("text", plain(label));
        if (value != null) {
            b.put("value", value);
        }
        return b;
    }

    private static ObjectNode plain(String text) {
        return Json.object().put("type", "plain_text").put("text", text).put("emoji", false);
    }

    private static ObjectNode mrkdwn(String text) {
        return Json.object().put("type", "mrkdwn").put("text", text);
    }

    /** At most {@code max} characters, never splitting a surrogate pair or an escape. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end);
        if (amp >= 0 && amp > end - 5 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end) + "…";
    }
}
