package dev.reviewgate.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an example printed, captured in memory and read back the way a person reads the console. */
public final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The first group of {@code regex} in the output. */
    public String find(String regex) {
        return find(text(), regex);
    }

    public static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL | Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no match for " + regex + " in:\n" + text);
        }
        return m.group(1);
    }
}
