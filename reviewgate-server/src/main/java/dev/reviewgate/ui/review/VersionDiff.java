package dev.reviewgate.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Per-field differences between two versions: a word diff for text, a line diff of the
 * pretty-printed JSON for anything else. Produces plain segments the template escapes.
 */
public final class VersionDiff {

    /** A run of text that is the same in both ({@code same}), only in the old one ({@code del}) or only in the new one ({@code ins}). */
    public record Segment(String kind, String text) {}

    /** One field's difference. */
    public record FieldDiff(String fieldId, boolean changed, List<Segment> segments) {}

    private static final Pattern WORDS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");
    private static final Pattern LINES = Pattern.compile("(?<=\n)");

    private VersionDiff() {}

    static List<FieldDiff> between(List<String> fieldIds, JsonNode before, JsonNode after) {
        List<FieldDiff> out = new ArrayList<>();
        for (String id : fieldIds) {
            JsonNode a = before.path(id);
            JsonNode b = after.path(id);
            boolean text = a.isTextual() && b.isTextual();
            String left = text ? a.asText() : FieldViews.pretty(a.isMissingNode() ? NullNode.getInstance() : a);
            String right = text ? b.asText() : FieldViews.pretty(b.isMissingNode() ? NullNode.getInstance() : b);
            out.add(new FieldDiff(id, !left.equals(right), segments(left, right, text ? WORDS : LINES)));
        }
        return out;
    }

    static List<Segment> segments(String left, String right, Pattern splitter) {
        List<String> a = List.of(splitter.split(left, -1));
        List<String> b = List.of(splitter.split(right, -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Segment> out = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(out, "same", a.subList(position, start));
            add(out, "del", delta.getSource().getLines());
            add(out, "ins", delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(out, "same", a.subList(position, a.size()));
        return out;
    }

    private static void add(List<Segment> out, String kind, List<String> tokens) {
        if (!tokens.isEmpty()) {
            out.add(new Segment(kind, String.join("", tokens)));
        }
    }
}
