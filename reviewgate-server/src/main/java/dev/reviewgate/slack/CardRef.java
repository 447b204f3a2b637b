package dev.reviewgate.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a card's button (and the reject modal's {@code private_metadata}) says it is about: the
 * account, the review and the version shown. It arrives back from Slack inside a signed payload,
 * but is still read as untrusted input: bounded, and every id is looked up in its account.
 *
 * @param channel the channel the card is in (for the modal, where an explanation goes), or null
 */
public record CardRef(String accountId, String reviewId, String versionId, String channel) {

    static final int MAX = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    public String encode() {
        var out = Json.object().put("a", accountId).put("r", reviewId).put("v", versionId);
        if (channel != null) {
            out.put("c", channel);
        }
        return Json.write(out);
    }

    public CardRef inChannel(String other) {
        return new CardRef(accountId, reviewId, versionId, other);
    }

    /** The reference in {@code text}, or empty when it is not one of ours. */
    public static Optional<CardRef> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String a = id(node, "a");
        String r = id(node, "r");
        String v = id(node, "v");
        if (a == null || r == null || v == null) {
            return Optional.empty();
        }
        return Optional.of(new CardRef(a, r, v, id(node, "c")));
    }

    private static String id(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v != null && v.isTextual() && ID.matcher(v.asText()).matches() ? v.asText() : null;
    }
}
