package dev.reviewgate.testing;

import dev.reviewgate.db.Database;
import dev.reviewgate.db.Dialect;
import java.util.ArrayList;
import java.util.List;

/** The row count of every table in one query, to prove that a refused request wrote nothing. */
public final class RowCounts {

    private final Database database;
    private final List<String> tables;
    private final String sql;

    private RowCounts(Database database, List<String> tables) {
        this.database = database;
        this.tables = tables;
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(SELECT COUNT(*) FROM ")
                    .append(tables.get(i))
                    .append(")");
        }
        this.sql = sql.toString();
    }

    /** Every table of {@code database}'s schema (the migrations' own history included). */
    public static RowCounts of(Database database) {
        String sql = database.dialect() == Dialect.POSTGRESQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        List<String> tables = database
                .read(h -> h.createQuery(sql).mapTo(String.class).list())
                .stream()
                .sorted()
                .toList();
        return new RowCounts(database, tables);
    }

    /** The same counts without {@code ignored} tables. */
    public RowCounts excluding(String... ignored) {
        List<String> kept = new ArrayList<>(tables);
        kept.removeAll(List.of(ignored));
        return new RowCounts(database, kept);
    }

    /** The counts now, in table order. */
    public long[] now() {
        return database.read(h -> h.createQuery(sql)
                .map((rs, ctx) -> {
                    long[] out = new long[tables.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = rs.getLong(i + 1);
                    }
                    return out;
                })
                .one());
    }

    /** The tables whose count differs, as {@code name before→after}; empty when none does. */
    public String changes(long[] before, long[] after) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                out.add(tables.get(i) + " " + before[i] + "→" + after[i]);
            }
        }
        return String.join(", ", out);
    }
}
