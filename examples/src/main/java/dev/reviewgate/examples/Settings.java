package dev.reviewgate.examples;

import java.util.HashMap;
import java.util.Map;

/**
 * The examples' configuration: {@code --name value} flags, else {@code REVIEWGATE_*} environment
 * variables, else defaults. A flag wins over its variable, as with the server.
 */
public final class Settings {

    private final Map<String, String> flags = new HashMap<>();
    private final Map<String, String> env;

    private Settings(String[] args, Map<String, String> env) {
        this.env = env;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            flags.put(args[i].substring(2), args[++i]);
        }
    }

    /**
     * Reads flags and the environment.
     *
     * @param args {@code --name value} pairs
     * @param env  the environment, usually {@code System.getenv()}
     * @return the settings
     */
    public static Settings of(String[] args, Map<String, String> env) {
        return new Settings(args, env);
    }

    /**
     * One setting.
     *
     * @param flag     the flag name without dashes, e.g. {@code callback-port}
     * @param variable the environment variable, e.g. {@code REVIEWGATE_CALLBACK_PORT}
     * @param fallback the default, or null for none
     * @return the flag's value, else the variable's, else {@code fallback}
     */
    public String get(String flag, String variable, String fallback) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
