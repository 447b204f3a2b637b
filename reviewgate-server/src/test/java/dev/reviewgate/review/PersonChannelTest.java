package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.human;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Users;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person acting through the web app meets the form's {@code reviewers: "assigned"} rule (403) and
 * another's live claim (409 naming the holder); an API key acts for the service and meets neither.
 */
class PersonChannelTest extends ApiTest {

    private static final String PASSWORD = "a-long-enough-password";
    private Users users;
    private String accountId;

    @Override
    protected void setUp() {
        accountId = server.app().credentials().orElseThrow().accountId();
        users = new Users(
                server.app().database(),
                new AccountRepository(),
                new Ids(InstantSource.system()),
                InstantSource.system());
    }

    private String person(String role) {
        return person(role, "Person " + role);
    }

    private String person(String role, String name) {
        String email = WorkFixtures.unique(role) + "@example.com";
        lastId = users.create(accountId, email, name, role, PASSWORD);
        return email;
    }

    private String lastId;

    private WebClient signIn(String email) {
        return WebClient.signIn(server.baseUrl(), email, PASSWORD);
    }

    private static Map<String, String> approve(JsonNode review) {
        return Map.of("versionId", review.get("headVersionId").asText());
    }

    private JsonNode now(String id) {
        return api.get("/v1/reviews/" + id).body();
    }

    @Test
    void onAnAssignedOnlyFormOnlyAssigneesGroupMembersAndAdminsDecideOnTheWeb() {
        String ann = person("reviewer");
        String bob = person("reviewer");
        String cy = person("reviewer");
        String group = WorkFixtures.group(api, cy);
        String formId = WorkFixtures.form(api, "{'routing':{'reviewers':'assigned'}}");
        JsonNode forAnn = WorkFixtures.review(api, formId, "{'assignTo':['" + ann + "']}");
        JsonNode forGroup = WorkFixtures.review(api, formId, "{'assignToGroups':['" + group + "']}");
        JsonNode forAdmin = WorkFixtures.review(api, formId, "{'assignTo':['" + ann + "']}");

        HttpResponse<String> refused =
                signIn(bob).post("/reviews/" + forAnn.get("id").asText() + "/approve", approve(forAnn));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only the reviewers assigned");
        assertThat(now(forAnn.get("id").asText()).get("status").asText()).isEqualTo("pending");

        assertThat(signIn(ann)
                        .post("/reviews/" + forAnn.get("id").asText() + "/approve", approve(forAnn))
                        .statusCode())
                .isEqualTo(303);
        assertThat(signIn(cy)
                        .post("/reviews/" + forGroup.get("id").asText() + "/approve", approve(forGroup))
                        .statusCode())
                .isEqualTo(303);
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
        assertThat(admin.post("/reviews/" + forAdmin.get("id").asText() + "/approve", approve(forAdmin))
                        .statusCode())
                .isEqualTo(303);

        JsonNode decided = now(forAnn.get("id").asText()).get("decision");
        assertThat(decided.get("via").asText()).isEqualTo("web");
        assertThat(decided.get("decidedBy").get("kind").asText()).isEqualTo("human");
        assertThat(now(forGroup.get("id").asText()).get("status").asText()).isEqualTo("approved");
    }

    @Test
    void theApiActsForTheServiceWhateverTheRouting() {
        String formId = WorkFixtures.form(api, "{'routing':{'reviewers':'assigned'}}");
        JsonNode review = WorkFixtures.review(api, formId, null);
        api.post("/v1/reviews/" + review.get("id").asText() + "/claim", Map.of("author", human("someone")));

        assertThat(api.post("/v1/reviews/" + review.get("id").asText() + "/approve", approve(review))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whileAnotherHoldsTheClaimAPersonCannotEditInstructOrDecideOnTheWeb() {
        String ann = person("reviewer", "Ann");
        String annId = lastId;
        String bob = person("reviewer");
        String formId = WorkFixtures.form(api, null);
        JsonNode review = WorkFixtures.review(api, formId, null);
        String id = review.get("id").asText();
        api.post(
                "/v1/reviews/" + id + "/claim",
                Map.of("author", Map.of("kind", "human", "id", annId, "displayName", "Ann")));

        WebClient bobsSession = signIn(bob);
        HttpResponse<String> decide = bobsSession.post("/reviews/" + id + "/approve", approve(review));
        assertThat(decide.statusCode()).isEqualTo(409);
        assertThat(decide.body()).contains("claimed by Ann");
        HttpResponse<String> instruct = bobsSession.post(
                "/reviews/" + id + "/instructions",
                Map.of("versionId", review.get("headVersionId").asText(), "instruction.blog", "Shorter"));
        assertThat(instruct.statusCode()).isEqualTo(409);
        assertThat(now(id).get("status").asText()).isEqualTo("pending");
        assertThat(now(id).get("instructions")).isEmpty();

        assertThat(signIn(ann)
                        .post("/reviews/" + id + "/approve", approve(review))
                        .statusCode())
                .as("the holder decides")
                .isEqualTo(303);
    }
}
