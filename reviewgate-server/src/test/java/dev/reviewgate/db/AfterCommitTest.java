package dev.reviewgate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Work registered on a write's handle (the dispatcher's wake-up after deliveries were planned)
 * runs once the transaction has committed, and never when it rolled back.
 */
class AfterCommitTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void afterCommitWorkRunsOnlyOnceCommitted(TestDatabase kind) {
        try (Database database = Database.open(kind.newDatabaseUrl())) {
            database.migrate();
            AtomicInteger ran = new AtomicInteger();

            database.write(h -> {
                h.afterCommit(ran::incrementAndGet);
                assertThat(ran).as("not before the commit").hasValue(0);
                return h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES ('acc_1', 'one', 0)")
                        .execute();
            });
            assertThat(ran).hasValue(1);

            assertThatThrownBy(() -> database.write(h -> {
                        h.afterCommit(ran::incrementAndGet);
                        h.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES ('acc_2', 'two', 0)")
                                .execute();
                        throw new IllegalStateException("roll back");
                    }))
                    .hasMessage("roll back");
            assertThat(ran).as("not after a rollback").hasValue(1);
            int accounts = database.read(h -> h.createQuery("SELECT COUNT(*) FROM accounts")
                    .mapTo(Integer.class)
                    .one());
            assertThat(accounts).isEqualTo(1);
        }
    }
}
