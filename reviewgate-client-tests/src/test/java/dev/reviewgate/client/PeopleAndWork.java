package dev.reviewgate.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the {@code Work*Test} suites share: blog forms with routing, quorum or deadline defaults of their own,
 * reviews on them, and users and groups made through the SDK.
 */
final class PeopleAndWork {

    static final Actor DANA = Actor.human("dana", "Dana Rivera");
    static final Actor SAM = Actor.human("sam", "Sam Okafor");

    private final Reviewgate rg;

    PeopleAndWork(Reviewgate rg) {
        this.rg = rg;
    }

    /** A markdown blog form under a fresh id, with {@code extra} form members (approvals, deadline, …) added. */
    String form(Map<String, Object> extra) {
        String id = "work-" + UUID.randomUUID();
        Map<String, Object> definition = new HashMap<>(extra);
        definition.put("name", "Review blog post");
        definition.put(
                "fields",
                List.of(Map.of(
                        "id", "blog", "type", "markdown", "retry", Map.of("button", true, "instructions", true))));
        rg.forms().put(id, definition);
        return id;
    }

    String form() {
        return form(Map.of());
    }

    /** A pending review of {@code text} on {@code formId}, with the builder's further settings. */
    ReviewRequestBuilder review(String formId, String text) {
        return rg.createReview(formId).addFieldData("blog", text);
    }

    /** A new reviewer with a fresh e-mail. */
    User reviewer(String name) {
        return rg.users().create(LiveServer.unique(name) + "@example.com", name, User.Role.REVIEWER);
    }

    /** A new group of {@code members} (e-mails) under a fresh id. */
    Group group(String... members) {
        return rg.groups().create(LiveServer.unique("team"), "Team", List.of(members));
    }
}
