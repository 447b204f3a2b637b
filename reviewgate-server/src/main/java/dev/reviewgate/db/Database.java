package dev.reviewgate.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reviewgate.cache.CacheChanges;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The connection pool, Jdbi and migrations for one database. Plain reads run outside transactions
 * ({@link #read}); every change runs in one transaction ({@link #write}), so an event is committed
 * with the state change it describes or not at all.
 *
 * <p>Read-modify-write has one idiom here: <em>lock the row first, or upsert and treat the
 * conflict as the answer</em>. A transaction that decides on what it read takes the row it is about
 * to change before reading ({@code SELECT …} with {@link Dialect#lockForChange}, or
 * {@link #lockAccount} for a rule over many rows of one account), or writes with
 * {@code INSERT … ON CONFLICT DO NOTHING} and reads the affected-row count as the outcome. SQLite serialises writers and hides a forgotten lock, so every
 * such path has a concurrency test on PostgreSQL.
 *
 * <p>SQLite allows one writer at a time. Left to SQLite, a writer that finds the lock held sleeps
 * in the busy handler, whose back-off reaches tens of milliseconds per retry, and wakes in no
 * particular order. So this process queues its own writers first, on a fair lock taken before a
 * connection is borrowed and {@code BEGIN IMMEDIATE} is sent: they take turns in arrival order,
 * none holds a pool connection while it waits, and reads (WAL) go on beside the one writer.
 * {@code busy_timeout} stays for other processes on the same file.
 */
public final class Database implements AutoCloseable {

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final CacheChanges caches;
    /** SQLite only: this process's writers, in arrival order (see the class comment). */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    /** How long a SQLite writer waits for its turn before the request fails as unavailable (a 503). */
    static final long WRITER_WAIT_SECONDS = 10;

    private Database(Dialect dialect, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.caches = dialect == Dialect.SQLITE ? CacheChanges.local() : CacheChanges.shared();
    }

    /** Opens a pool on {@code jdbcUrl}. User and password may be part of the URL. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("reviewgate-" + dialect.name().toLowerCase(Locale.ROOT));
        // Fail fast: with the pool exhausted or the database away, a request gets a 503 in 2 s, not a hang.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        if (dialect == Dialect.SQLITE) {
            SqliteFile.prepare(jdbcUrl);
            // Data-source properties, not connectionInitSql: they must hold on every connection
            // before its first statement. IMMEDIATE takes the write lock at BEGIN, so read-then-write
            // transactions queue on busy_timeout instead of failing with SQLITE_BUSY_SNAPSHOT.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "5000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(16);
        }
        return new Database(dialect, new HikariDataSource(config));
    }

    /** Brings the schema up to date. Safe when several instances start at once (Flyway locks). */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .load()
                .migrate();
    }

    public <R> R read(HandleCallback<R, RuntimeException> callback) {
        return jdbi.withHandle(callback);
    }

    /**
     * A read of several statements that must see one state, e.g. a review's header and its
     * children: on PostgreSQL one REPEATABLE READ transaction (one snapshot for every statement);
     * SQLite serialises writers against the file, and a transaction there would take the write lock.
     */
    public <R> R readSnapshot(HandleCallback<R, RuntimeException> callback) {
        if (dialect == Dialect.SQLITE) {
            return read(callback);
        }
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, callback);
    }

    public <R> R write(HandleCallback<R, RuntimeException> callback) {
        if (dialect != Dialect.SQLITE) {
            return jdbi.inTransaction(callback);
        }
        takeWriterTurn();
        try {
            return jdbi.inTransaction(callback);
        } finally {
            sqliteWriter.unlock();
        }
    }

    private void takeWriterTurn() {
        boolean taken;
        try {
            // ReentrantLock parks a virtual thread without pinning its carrier.
            taken = sqliteWriter.tryLock(WRITER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write", e);
        }
        if (!taken) {
            throw new IllegalStateException(
                    "the database is busy",
                    new SQLTransientConnectionException("no turn to write within " + WRITER_WAIT_SECONDS + " s ("
                            + sqliteWriter.getQueueLength() + " writers waiting)"));
        }
    }

    /**
     * A read of more rows than fit in memory, consumed as they arrive. PostgreSQL's driver fetches
     * in batches ({@code setFetchSize}) only inside a transaction, so there the read gets one (rolled
     * back, it changes nothing); SQLite steps through rows lazily anyway, and a transaction there
     * would take the write lock for the whole read.
     */
    public <R> R readStreaming(HandleCallback<R, RuntimeException> callback) {
        if (dialect == Dialect.SQLITE) {
            return read(callback);
        }
        return jdbi.withHandle(h -> {
            h.begin();
            try {
                return callback.withHandle(h);
            } finally {
                h.rollback();
            }
        });
    }

    /** The rarely changed rows this instance remembers of this database, and how changes reach other instances. */
    public CacheChanges caches() {
        return caches;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when the database answers a trivial query (readiness). */
    public boolean isReachable() {
        try {
            return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when {@code error} (or a cause) is a unique or primary-key violation, on either database. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
            }
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code error} means the database cannot be reached right now (down, restarting,
     * backend killed, pool exhausted) rather than that the request was wrong: a 503, worth a retry.
     */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Serialises a transaction with every other holder of {@code key} (PostgreSQL; SQLite already serialises writers). */
    public void lockForTransaction(Handle h, long key) {
        if (dialect == Dialect.POSTGRESQL) {
            h.createQuery("SELECT pg_advisory_xact_lock(:key)")
                    .bind("key", key)
                    .mapTo(String.class)
                    .findOne();
        }
    }

    /**
     * Takes the account's row for the rest of the transaction: the lock for rules over many rows of
     * one account (at most 100 webhook endpoints, at least one active admin). SQLite's writers are
     * serialised by {@code BEGIN IMMEDIATE} already.
     */
    public void lockAccount(Handle h, String accountId) {
        if (dialect == Dialect.POSTGRESQL) {
            // NO KEY UPDATE: serialises the account's rules without blocking the KEY SHARE lock
            // that every foreign-key insert takes on the account row.
            h.createQuery("SELECT id FROM accounts WHERE id = :id" + dialect.lockForChange())
                    .bind("id", accountId)
                    .mapTo(String.class)
                    .findOne();
        }
    }

    public Handle openHandle() {
        return jdbi.open();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
