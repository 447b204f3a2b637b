package dev.reviewgate.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar as a separate JVM, as users run it; for the *IT suites that run after packaging. */
public final class JarProcess {

    private static final Path JAR = Path.of("target", "reviewgate.jar");

    private JarProcess() {}

    /** A builder for {@code java -jar reviewgate.jar args…}, with no REVIEWGATE_* inherited but {@code env}. */
    public static ProcessBuilder java(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("REVIEWGATE_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Reads output lines until one contains {@code marker} (60 s at most). */
    public static List<String> readUntil(Process process, String marker) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 60_000;
        String line;
        while (System.currentTimeMillis() < deadline && (line = reader.readLine()) != null) {
            lines.add(line);
            if (line.contains(marker)) {
                drain(reader);
                return lines;
            }
        }
        throw new AssertionError("'" + marker + "' was never printed; output was:\n" + String.join("\n", lines));
    }

    /** The first group of the first line matching {@code regex}. */
    public static String find(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line matches " + regex + " in:\n" + String.join("\n", lines));
    }

    /** Keeps reading the rest of the output so the child never blocks on a full pipe. */
    private static void drain(BufferedReader reader) {
        Thread.ofVirtual().start(() -> {
            try {
                while (reader.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }
}
