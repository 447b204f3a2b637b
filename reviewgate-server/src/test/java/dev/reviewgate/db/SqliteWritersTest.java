package dev.reviewgate.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SQLite writers of one process take turns on the database's own lock instead of SQLite's busy
 * handler: many concurrent read-modify-write transactions all commit, none surfaces SQLITE_BUSY
 * (even behind a transaction that outlasts {@code busy_timeout}), and reads go on while a write
 * transaction is open.
 */
class SqliteWritersTest {

    @Test
    void concurrentReadModifyWritesAllCommitWithoutBusyErrors() {
        try (Database database = Database.open(TestDatabase.SQLITE.newDatabaseUrl())) {
            database.migrate();
            database.write(h -> h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES ('acc_1', '0', 0)")
                    .execute());
            int threads = 32;
            int each = 25;
            List<Integer> done = Concurrently.run(threads, t -> {
                for (int i = 0; i < each; i++) {
                    // Read, then write what was read plus one: lost updates would show in the total.
                    database.write(h -> {
                        int n = Integer.parseInt(h.createQuery("SELECT name FROM accounts WHERE id = 'acc_1'")
                                .mapTo(String.class)
                                .one());
                        h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES (:id, 'x', 0)")
                                .bind("id", "acc_" + t + "_" + n)
                                .execute();
                        return h.createUpdate("UPDATE accounts SET name = :n WHERE id = 'acc_1'")
                                .bind("n", Integer.toString(n + 1))
                                .execute();
                    });
                    // and a plain read beside the writers
                    database.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts")
                            .mapTo(Integer.class)
                            .one());
                }
                return each;
            });

            assertThat(done).hasSize(threads).containsOnly(each);
            String counter = database.read(h -> h.createQuery("SELECT name FROM accounts WHERE id = 'acc_1'")
                    .mapTo(String.class)
                    .one());
            int rows = database.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts")
                    .mapTo(Integer.class)
                    .one());
            assertThat(counter).isEqualTo(Integer.toString(threads * each));
            assertThat(rows).isEqualTo(1 + threads * each);
        }
    }

    @Test
    void writersQueuedBehindATransactionLongerThanBusyTimeoutStillCommit() throws Exception {
        try (Database database = Database.open(TestDatabase.SQLITE.newDatabaseUrl());
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            database.migrate();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> slow = pool.submit(() -> database.write(h -> {
                h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES ('acc_slow', 's', 0)")
                        .execute();
                holding.countDown();
                await(release);
                return 1;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            List<Future<Integer>> queued = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "acc_q" + i;
                queued.add(pool.submit(() -> database.write(
                        h -> h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES (:id, 'q', 0)")
                                .bind("id", id)
                                .execute())));
            }
            // A read while the write transaction is open: WAL readers do not wait for the writer.
            int visible = CompletableFuture.supplyAsync(
                            () -> database.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts")
                                    .mapTo(Integer.class)
                                    .one()))
                    .get(30, TimeUnit.SECONDS);
            assertThat(visible)
                    .as("the open transaction's row is not visible yet")
                    .isZero();

            // Longer than busy_timeout (5 s): without the process's own queue, SQLite would give up.
            Thread.sleep(6_000);
            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> q : queued) {
                assertThat(q.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
            int rows = database.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts")
                    .mapTo(Integer.class)
                    .one());
            assertThat(rows).isEqualTo(9);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
