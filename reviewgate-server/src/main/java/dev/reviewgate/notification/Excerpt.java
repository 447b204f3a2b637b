package dev.reviewgate.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A short, plain-text look at what an agent produced, for a message: the first fields of the
 * version's snapshot, each value cut to a line. Agent content is hostile: control characters are
 * dropped here, and each channel escapes the text for its own markup (HTML, Slack mrkdwn, Adaptive
 * Cards) where it renders it.
 */
public record Excerpt(List<Line> lines, boolean truncated) {

    public static final int MAX_LINES = 6;
    public static final int MAX_VALUE = 200;

    /** One field: its name and its value as text. */
    public record Line(String field, String value) {}

    public Excerpt {
        lines = List.copyOf(lines);
    }

    public static Excerpt of(JsonNode snapshot) {
        List<Line> lines = new ArrayList<>();
        boolean truncated = false;
        if (snapshot == null || !snapshot.isObject()) {
            return new Excerpt(snapshot == null ? List.of() : List.of(new Line("value", text(snapshot))), false);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = snapshot.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (lines.size() == MAX_LINES) {
                truncated = true;
                break;
            }
            lines.add(new Line(clean(f.getKey(), 80), text(f.getValue())));
        }
        return new Excerpt(lines, truncated);
    }

    /** The excerpt as plain text, a line per field. */
    public String plain() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.field()).append(": ").append(line.value()).append('\n');
        }
        if (truncated) {
            out.append("…\n");
        }
        return out.toString();
    }

    /** Agent text for one line of a message (a title, say): control characters dropped, cut to {@code max}. */
    public static String oneLine(String raw, int max) {
        return clean(raw, max);
    }

    private static String text(JsonNode value) {
        String raw = value.isTextual() ? value.asText() : Json.write(value);
        return clean(raw, MAX_VALUE);
    }

    /** Control characters (newlines included) become spaces; the text is cut to {@code max} code points. */
    static String clean(String raw, int max) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < raw.length() && count <= max; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp);
            count++;
        }
        String s = out.toString().strip().replaceAll(" {2,}", " ");
        if (count > max) {
            return s.substring(0, s.offsetByCodePoints(0, Math.min(max, s.codePointCount(0, s.length())))) + "…";
        }
        return s;
    }
}
