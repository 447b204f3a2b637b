package dev.reviewgate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/** What the {@code /v1/users} suites share: unique e-mails, a password, and readers of the answers. */
final class UserFixtures {

    static final String PASSWORD = "a-long-enough-password";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private UserFixtures() {}

    static long activeAdmins(Api tenant) {
        return StreamSupport.stream(tenant.get("/v1/users").body().get("data").spliterator(), false)
                .filter(u -> u.get("role").asText().equals("admin")
                        && !u.get("disabled").asBoolean())
                .count();
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(u -> u.get("id").asText())
                .toList();
    }

    static List<String> pointers(Api.Response response) {
        return StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText())
                .toList();
    }

    static String unique(String name) {
        return name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet()
                + "@example.com";
    }
}
