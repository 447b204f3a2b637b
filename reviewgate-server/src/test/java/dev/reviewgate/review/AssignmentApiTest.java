package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.eventNames;
import static dev.reviewgate.review.WorkFixtures.ids;
import static dev.reviewgate.review.WorkFixtures.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code assignTo}/{@code assignToGroups} on create, the form's routing defaults, and {@code POST …/assign}. */
class AssignmentApiTest extends ApiTest {

    @Test
    void assigneesAreCheckedAndSpelledAsTheirUsers() {
        String formId = WorkFixtures.form(api, null);
        WorkFixtures.Someone ann = WorkFixtures.user(api, "reviewer");
        String group = WorkFixtures.group(api, ann.email());

        JsonNode review = WorkFixtures.review(
                api,
                formId,
                "{'assignTo':['" + ann.email().toUpperCase(Locale.ROOT) + "'],'assignToGroups':['" + group + "']}");

        assertThat(review.get("assignedTo")).extracting(JsonNode::asText).containsExactly(ann.email());
        assertThat(review.get("assignedToGroups")).extracting(JsonNode::asText).containsExactly(group);
    }

    @Test
    void unknownUsersAndGroupsAre422WithPointersAndWriteNothing() {
        String formId = WorkFixtures.form(api, null);
        WorkFixtures.Someone ann = WorkFixtures.user(api, "reviewer");
        long before = api.get("/v1/reviews?formId=" + formId + "&status=all")
                .body()
                .get("data")
                .size();

        Api.Response refused = WorkFixtures.create(
                api,
                formId,
                "{'assignTo':['" + ann.email() + "','nobody@example.com'],'assignToGroups':['no-such-group']}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/assignTo/1", "/assignToGroups/0");
        assertThat(api.get("/v1/reviews?formId=" + formId + "&status=all")
                        .body()
                        .get("data")
                        .size())
                .isEqualTo(before);
        // Another account's user is unknown here too.
        String foreign =
                WorkFixtures.user(server.newAccount().api(), "reviewer").email();
        assertThat(pointers(WorkFixtures.create(api, formId, "{'assignTo':['" + foreign + "']}")))
                .containsExactly("/assignTo/0");
    }

    @Test
    void theFormsRoutingAssignsWhenTheRequestNamesNobody() {
        WorkFixtures.Someone ann = WorkFixtures.user(api, "reviewer");
        String group = WorkFixtures.group(api);
        String formId = WorkFixtures.form(
                api,
                "{'routing':{'assignTo':['" + ann.email() + "'],'assignToGroups':['" + group
                        + "'],'reviewers':'assigned'}}");

        JsonNode defaulted = WorkFixtures.review(api, formId, null);
        WorkFixtures.Someone bob = WorkFixtures.user(api, "reviewer");
        JsonNode named = WorkFixtures.review(api, formId, "{'assignTo':['" + bob.email() + "']}");

        assertThat(defaulted.get("assignedTo")).extracting(JsonNode::asText).containsExactly(ann.email());
        assertThat(defaulted.get("assignedToGroups"))
                .extracting(JsonNode::asText)
                .containsExactly(group);
        assertThat(named.get("assignedTo")).extracting(JsonNode::asText).containsExactly(bob.email());
        assertThat(named.get("assignedToGroups")).isEmpty();
        JsonNode form = api.get("/v1/forms/" + formId).body();
        assertThat(form.get("routing").get("reviewers").asText()).isEqualTo("assigned");
    }

    @Test
    void aFormRoutingToUnknownPeopleIs422() {
        Api.Response refused = api.post(
                "/v1/forms",
                Map.of(
                        "id", WorkFixtures.unique("routed"),
                        "name", "Routed",
                        "fields", List.of(Map.of("id", "note", "type", "text")),
                        "routing", Map.of("assignTo", List.of("ghost@example.com")),
                        "deadline",
                                Map.of(
                                        "after", "PT1H",
                                        "onExpire", "escalate",
                                        "escalateTo", Map.of("assignToGroups", List.of("ghosts")))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(pointers(refused))
                .containsExactlyInAnyOrder("/routing/assignTo/0", "/deadline/escalateTo/assignToGroups/0");
        Api.Response badMode = api.post(
                "/v1/forms",
                Map.of(
                        "id", WorkFixtures.unique("routed"),
                        "name", "Routed",
                        "fields", List.of(Map.of("id", "note", "type", "text")),
                        "routing", Map.of("reviewers", "everyone")));
        assertThat(pointers(badMode)).containsExactly("/routing/reviewers");
    }

    @Test
    void assignAddsOrReplacesAndAnnouncesIt() {
        String formId = WorkFixtures.form(api, null);
        WorkFixtures.Someone ann = WorkFixtures.user(api, "reviewer");
        WorkFixtures.Someone bob = WorkFixtures.user(api, "reviewer");
        String group = WorkFixtures.group(api, bob.email());
        String id = WorkFixtures.review(api, formId, "{'assignTo':['" + ann.email() + "']}")
                .get("id")
                .asText();

        JsonNode added = api.post("/v1/reviews/" + id + "/assign", Map.of("assignToGroups", List.of(group)))
                .body();
        assertThat(added.get("assignedTo")).extracting(JsonNode::asText).containsExactly(ann.email());
        assertThat(added.get("assignedToGroups")).extracting(JsonNode::asText).containsExactly(group);

        JsonNode replaced = api.post(
                        "/v1/reviews/" + id + "/assign", Map.of("assignTo", List.of(bob.email()), "mode", "replace"))
                .body();
        assertThat(replaced.get("assignedTo")).extracting(JsonNode::asText).containsExactly(bob.email());
        assertThat(replaced.get("assignedToGroups")).isEmpty();

        assertThat(eventNames(api, id)).containsExactly("review.created", "review.assigned", "review.assigned");
        JsonNode last =
                api.get("/v1/reviews/" + id + "/events").body().get("data").get(2);
        assertThat(last.get("assignedTo")).extracting(JsonNode::asText).containsExactly(bob.email());
        // The queue's assignee filter follows the new assignment.
        assertThat(ids(api.get("/v1/reviews?assignee=" + bob.email()).body())).contains(id);
        assertThat(ids(api.get("/v1/reviews?assignee=" + ann.email()).body())).doesNotContain(id);
    }

    @Test
    void theAssigneeFilterAcceptsAGroupId() {
        String formId = WorkFixtures.form(api, null);
        String group = WorkFixtures.group(api);
        String other = WorkFixtures.group(api);
        String mine = WorkFixtures.review(api, formId, "{'assignToGroups':['" + group + "']}")
                .get("id")
                .asText();
        WorkFixtures.review(api, formId, "{'assignToGroups':['" + other + "']}");

        assertThat(ids(api.get("/v1/reviews?assignee=" + group).body())).containsExactly(mine);
    }

    @Test
    void badAssignmentsAre422AndWriteNothing() {
        String formId = WorkFixtures.form(api, null);
        String id = WorkFixtures.review(api, formId, null).get("id").asText();

        assertThat(pointers(api.post("/v1/reviews/" + id + "/assign", Map.of("assignTo", List.of("x@example.com")))))
                .containsExactly("/assignTo/0");
        assertThat(pointers(api.post("/v1/reviews/" + id + "/assign", Map.of("mode", "merge"))))
                .containsExactly("/mode");
        assertThat(pointers(api.post("/v1/reviews/" + id + "/assign", Map.of())))
                .containsExactly("/assignTo");
        assertThat(api.post("/v1/reviews/" + id + "/assign", Map.of("assignTo", "x@example.com"))
                        .status())
                .isEqualTo(422);
        assertThat(eventNames(api, id)).containsExactly("review.created");
        assertThat(server.otherAccountApi()
                        .post("/v1/reviews/" + id + "/assign", Map.of("mode", "replace"))
                        .status())
                .isEqualTo(404);
    }
}
