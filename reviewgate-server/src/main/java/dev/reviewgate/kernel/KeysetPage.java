package dev.reviewgate.kernel;

import dev.reviewgate.error.Problem;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which page of a list ordered by one text key a client asked for: at most {@code limit} rows whose
 * key is after {@code after} (null: from the start). Every page is an index range scan, never an
 * OFFSET. The cursor handed out is opaque (the key in base64url), so that the order can change
 * later without breaking clients that pass {@code nextCursor} back unchanged.
 */
public record KeysetPage(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Set<String> PARAMETERS = Set.of("limit", "cursor");

    /** Reads {@code limit} and {@code cursor}; any other parameter, or a value out of range, is a 400. */
    public static KeysetPage parse(Set<String> given, Function<String, String> param) {
        given.stream().filter(k -> !PARAMETERS.contains(k)).findFirst().ifPresent(k -> {
            throw Problem.badRequest("Unknown query parameter '" + k + "'. Known: [cursor, limit]");
        });
        int limit = limit(param.apply("limit"));
        String cursor = param.apply("cursor");
        return new KeysetPage(limit, cursor == null ? null : Cursors.decode(cursor));
    }

    /** The {@code limit} query parameter: {@link #DEFAULT_LIMIT} when absent, a 400 outside 1 to {@link #MAX_LIMIT}. */
    public static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("limit must be an integer from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    /**
     * The rows of this page out of {@link #fetch()} fetched rows, and the cursor of the next page
     * (null on the last one).
     */
    public <T> Page<T> page(List<T> fetched, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> rows = List.copyOf(fetched.subList(0, limit));
        return new Page<>(rows, Cursors.encode(key.apply(rows.get(limit - 1))));
    }

    /** One page of rows and the cursor that continues after it. */
    public record Page<T>(List<T> rows, String nextCursor) {}
}
