package dev.reviewgate.db;

/** The two databases Reviewgate runs on. SQL is written once, in the subset both understand. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "Unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }

    /**
     * The clause that makes a {@code SELECT} take the rows it reads for the rest of the transaction,
     * as an update of their non-key columns would: PostgreSQL's {@code FOR NO KEY UPDATE}. It writes
     * no new row version (an {@code UPDATE} that changes nothing still writes one, and, when its
     * page has no room left, an entry in every index of the table) and, like such an update, leaves
     * foreign-key inserts that point at the row free to go on. SQLite needs none: its IMMEDIATE
     * transaction holds the one write lock from {@code BEGIN}.
     */
    public String lockForChange() {
        return this == POSTGRESQL ? " FOR NO KEY UPDATE" : "";
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
