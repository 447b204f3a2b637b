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

    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
