package dev.reviewgate.examples.blog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a language model (none is reachable here): it writes a short post
 * from templates and honours the reviewer's instructions the way a prompt would. Every text
 * instruction so far is applied in order, so the latest one wins where two disagree.
 */
final class BlogWriter {

    private static final Pattern MAX_CHARS = Pattern.compile("(\\d+)\\s*(?:chars?|characters)");

    private enum Tone {
        NEUTRAL,
        FORMAL,
        CASUAL
    }

    /** What the instructions ask for. */
    private record Style(Tone tone, boolean title, int sentences, int maxChars) {}

    private final String topic;

    BlogWriter(String topic) {
        this.topic = topic;
    }

    /**
     * The post for this round.
     *
     * @param instructions every text instruction given so far, oldest first
     * @param round        the instructions round; a plain retry gets a different opening
     */
    String write(List<String> instructions, int round) {
        Style style = style(instructions);
        List<String> sentences = sentences(style.tone(), round).subList(0, style.sentences());
        String title = style.title() ? "# " + title(style.tone()) + "\n\n" : "";
        return fit(title, sentences, style.maxChars());
    }

    private static Style style(List<String> instructions) {
        Style s = new Style(Tone.NEUTRAL, false, 6, Integer.MAX_VALUE);
        for (String raw : instructions) {
            String text = raw.toLowerCase(Locale.ROOT);
            Tone tone = text.contains("formal") ? Tone.FORMAL : text.contains("casual") ? Tone.CASUAL : s.tone();
            boolean title = text.contains("title") ? !text.contains("no title") && !text.contains("remove") : s.title();
            int sentences = text.contains("shorter")
                    ? Math.max(1, s.sentences() / 2)
                    : text.contains("longer") ? 6 : s.sentences();
            Matcher m = MAX_CHARS.matcher(text);
            int maxChars = m.find() ? Integer.parseInt(m.group(1)) : s.maxChars();
            s = new Style(tone, title, sentences, maxChars);
        }
        return s;
    }

    private String title(Tone tone) {
        return switch (tone) {
            case FORMAL -> "On " + topic;
            case CASUAL -> "Let's talk about " + topic + "!";
            case NEUTRAL -> "Why " + topic + " matters";
        };
    }

    private List<String> sentences(Tone tone, int round) {
        List<String> openings = switch (tone) {
            case FORMAL ->
                List.of("This article examines " + topic + ".", "The subject of this article is " + topic + ".");
            case CASUAL -> List.of("So, " + topic + " - let's dig in.", "Ever wondered about " + topic + "? Me too.");
            case NEUTRAL ->
                List.of(capitalised(topic) + " is worth a closer look.", "Here is a quick tour of " + topic + ".");
        };
        List<String> body = switch (tone) {
            case FORMAL ->
                List.of(
                        "It is frequently misunderstood.",
                        "Careful practice yields measurable benefits.",
                        "Several misconceptions deserve correction.",
                        "The evidence supports a deliberate approach.",
                        "In conclusion, the topic merits sustained attention.");
            case CASUAL ->
                List.of(
                        "Honestly, most people get it wrong.",
                        "Do it right and it pays off big time.",
                        "There are a few myths, though.",
                        "The trick is to keep at it.",
                        "Anyway, give it a go!");
            case NEUTRAL ->
                List.of(
                        "Many people get it wrong.",
                        "Done well, it pays off.",
                        "A few myths keep coming back.",
                        "The evidence favours a steady approach.",
                        "It deserves more attention than it gets.");
        };
        List<String> out = new ArrayList<>();
        out.add(openings.get(Math.floorMod(round, openings.size())));
        out.addAll(body);
        return out;
    }

    /** The title and as many whole sentences as fit in {@code maxChars}; at least a cut first sentence. */
    private static String fit(String title, List<String> sentences, int maxChars) {
        StringBuilder text = new StringBuilder(title);
        for (String sentence : sentences) {
            String next = text.length() == title.length() ? sentence : " " + sentence;
            if (text.length() + next.length() > maxChars) {
                break;
            }
            text.append(next);
        }
        if (text.length() == title.length()) {
            String first = title + sentences.get(0);
            return first.substring(0, Math.max(1, Math.min(first.length(), maxChars - 1)))
                            .strip() + "…";
        }
        return text.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
