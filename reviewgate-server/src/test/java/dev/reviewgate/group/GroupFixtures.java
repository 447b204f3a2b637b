package dev.reviewgate.group;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.TestServer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/** What the {@code /v1/groups} suites share: users to be members, unique group ids, and readers of the answers. */
final class GroupFixtures {

    /** Counts up so that group ids and e-mails never repeat within a run. */
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    private GroupFixtures() {}

    /** A user inserted directly (no password hash to compute): the groups API only needs them to exist. */
    static String user(TestServer server, String account, String name) {
        String email = name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-"
                + SEQUENCE.incrementAndGet() + "@example.com";
        String id = new Ids(InstantSource.system()).next("usr");
        server.app()
                .database()
                .write(h -> new AccountRepository()
                        .insertUser(
                                h,
                                account,
                                id,
                                email,
                                name,
                                "reviewer",
                                "not-a-password-hash",
                                System.currentTimeMillis()));
        return email;
    }

    static long rows(TestServer server, String sql) {
        return server.app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static String uniqueId(String name) {
        return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    static List<String> members(JsonNode group) {
        List<String> out = new ArrayList<>();
        group.get("members").forEach(m -> out.add(m.asText()));
        return out;
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(g -> g.get("id").asText())
                .toList();
    }

    static List<String> pointers(Api.Response response) {
        return StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText())
                .toList();
    }
}
