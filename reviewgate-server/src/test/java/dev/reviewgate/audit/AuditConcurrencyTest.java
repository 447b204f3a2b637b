package dev.reviewgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent appends on PostgreSQL (SQLite serialises writers and would hide a missing lock): every
 * transaction takes its own {@code seq} and chains onto the entry committed before it, from the
 * account's very first entry on.
 */
class AuditConcurrencyTest {

    private static final int WRITERS = 24;

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = Database.open(TestDatabase.POSTGRESQL.newDatabaseUrl());
        database.migrate();
        database.write(h -> {
            new AccountRepository().insertAccount(h, "acc_race", "Race", 1L);
            return null;
        });
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void concurrentAppendsFromAnEmptyChainTakeDistinctSeqsAndOneUnbrokenChain() {
        List<AuditEntry> appended = Concurrently.run(
                WRITERS,
                i -> database.write(h -> {
                    // Some work before the append, as a real change has, so the transactions overlap.
                    h.createQuery("SELECT pg_sleep(0.01)").mapTo(String.class).findOne();
                    return Audit.record(
                            h,
                            1_000L + i,
                            AuditEvent.of("acc_race", "group.created")
                                    .by(new Actor(Actor.AGENT, "writer-" + i, null))
                                    .with("i", i));
                }));

        assertThat(appended).extracting(AuditEntry::seq).doesNotHaveDuplicates().hasSize(WRITERS);
        assertThat(appended).extracting(AuditEntry::prevHash).doesNotHaveDuplicates();
        Audit.Verification result = Audit.verify(database, "acc_race");
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isEqualTo(WRITERS);
        List<Long> seqs = new ArrayList<>();
        Audit.each(database, "acc_race", new AuditQuery(0, null, AuditQuery.Filter.NONE, null), e -> seqs.add(e.seq()));
        assertThat(seqs)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, WRITERS)
                        .boxed()
                        .toList());
    }

    @Test
    void aRolledBackChangeLeavesNoEntryAndNoGap() {
        database.write(h -> Audit.record(h, 1L, AuditEvent.of("acc_race", "group.created")));
        try {
            database.write(h -> {
                Audit.record(h, 2L, AuditEvent.of("acc_race", "group.deleted"));
                throw new IllegalStateException("the change fails after its entry was written");
            });
        } catch (IllegalStateException expected) {
            // rolled back, entry and all
        }
        database.write(h -> Audit.record(h, 3L, AuditEvent.of("acc_race", "group.replaced")));

        List<String> actions = new ArrayList<>();
        Audit.each(
                database,
                "acc_race",
                new AuditQuery(0, null, AuditQuery.Filter.NONE, null),
                e -> actions.add(e.event().action()));
        assertThat(actions).containsExactly("group.created", "group.replaced");
        assertThat(Audit.verify(database, "acc_race").ok()).isTrue();
    }
}
