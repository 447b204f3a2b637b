package dev.reviewgate.form;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/forms} over HTTP: create, revise, read a revision, list by keyset, tenant isolation
 * (the revision a review pins is {@link FormRevisionPinningTest}'s). The server is shared by the
 * class, so every test works on form ids of its own (and listing tests on an account of their own).
 */
class FormsApiTest extends ApiTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Test
    void aCreateIs201WithRevision1AndTheDefinitionEchoed() {
        Api.Response created = api.post("/v1/forms", json("""
                {'id':'create-echo','name':'Echo','fields':[
                  {'id':'title','type':'text','label':'Title','required':true}]}"""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        JsonNode body = created.body();
        assertThat(body.get("revision").asInt()).isEqualTo(1);
        assertThat(body.get("id").asText()).isEqualTo("create-echo");
        assertThat(body.get("name").asText()).isEqualTo("Echo");
        assertThat(body.get("fields")).hasSize(1);
        assertThat(body.at("/fields/0/id").asText()).isEqualTo("title");
        assertThat(body.at("/fields/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/fields/0/label").asText()).isEqualTo("Title");
        assertThat(body.at("/fields/0/required").asBoolean()).isTrue();
        assertThat(body.get("createdAt").asText()).matches(ISO_MILLIS);
        assertThat(body.get("updatedAt").asText()).matches(ISO_MILLIS);
    }

    @Test
    void aCreateSpellsOutEveryFieldDefault() {
        Api.Response created = api.post("/v1/forms", json("""
                {'id':'create-defaults','name':'Defaults','fields':[{'id':'title','type':'text'}]}"""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/fields/0/required").asBoolean()).isFalse();
        assertThat(created.body().at("/fields/0/editable").asBoolean()).isTrue();
        assertThat(created.body().at("/fields/0/nullable").isBoolean()).isTrue();
        assertThat(created.body().at("/fields/0/retry")).isEqualTo(json("{'button':false,'instructions':false}"));
    }

    @Test
    void aCreateOfAnExistingIdIs409AndLeavesTheFormAlone() {
        create("create-twice", "First", "a");

        Api.Response again = api.post("/v1/forms", TextForms.textForm("create-twice", "Second", "b"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.body().get("status").asInt()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).isEqualTo("urn:reviewgate:problem:conflict");
        JsonNode current = api.get("/v1/forms/create-twice").body();
        assertThat(current.get("revision").asInt()).isEqualTo(1);
        assertThat(current.get("name").asText()).isEqualTo("First");
    }

    @Test
    void eachPutOfAnExistingFormMakesTheNextRevision() {
        create("put-next", "One", "a");

        Api.Response second = api.put("/v1/forms/put-next", TextForms.textForm("put-next", "Two", "a"));
        Api.Response third = api.put("/v1/forms/put-next", TextForms.textForm("put-next", "Three", "a"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("revision").asInt()).isEqualTo(2);
        assertThat(second.body().get("name").asText()).isEqualTo("Two");
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body().get("revision").asInt()).isEqualTo(3);
        assertThat(third.body().get("name").asText()).isEqualTo("Three");
    }

    @Test
    void aPutOfAnUnknownIdCreatesRevision1() {
        Api.Response created = api.put("/v1/forms/put-new", TextForms.textForm("put-new", "New", "a"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("revision").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/forms/put-new").body().get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void aPutMayLeaveTheIdToThePath() {
        Api.Response created =
                api.put("/v1/forms/put-no-id", json("{'name':'No id','fields':[{'id':'a','type':'text'}]}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("id").asText()).isEqualTo("put-no-id");
    }

    @Test
    void aPutWhoseIdDiffersFromThePathIs422AtId() {
        Api.Response refused = api.put("/v1/forms/put-mismatch", TextForms.textForm("put-other", "Mismatch", "a"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo("/id");
        assertThat(api.get("/v1/forms/put-mismatch").status()).isEqualTo(404);
        assertThat(api.get("/v1/forms/put-other").status()).isEqualTo(404);
    }

    @Test
    void getAnswersTheCurrentRevision() {
        create("get-current", "Old", "a");
        api.put("/v1/forms/get-current", TextForms.textForm("get-current", "New", "a", "b"));

        Api.Response current = api.get("/v1/forms/get-current");

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().get("revision").asInt()).isEqualTo(2);
        assertThat(current.body().get("name").asText()).isEqualTo("New");
        assertThat(fieldIds(current.body())).containsExactly("a", "b");
    }

    @Test
    void aPastRevisionIsReadByItsNumber() {
        create("get-past", "Old", "a");
        api.put("/v1/forms/get-past", TextForms.textForm("get-past", "New", "a", "b"));

        Api.Response past = api.get("/v1/forms/get-past/revisions/1");

        assertThat(past.status()).isEqualTo(200);
        assertThat(past.body().get("id").asText()).isEqualTo("get-past");
        assertThat(past.body().get("revision").asInt()).isEqualTo(1);
        assertThat(past.body().get("name").asText()).isEqualTo("Old");
        assertThat(fieldIds(past.body())).containsExactly("a");
    }

    @Test
    void theCurrentRevisionIsAlsoReadByItsNumber() {
        create("get-by-number", "Old", "a");
        api.put("/v1/forms/get-by-number", TextForms.textForm("get-by-number", "New", "a", "b"));

        Api.Response byNumber = api.get("/v1/forms/get-by-number/revisions/2");

        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body().get("revision").asInt()).isEqualTo(2);
        assertThat(byNumber.body().get("fields"))
                .isEqualTo(api.get("/v1/forms/get-by-number").body().get("fields"));
    }

    @Test
    void anUnknownFormIs404() {
        Api.Response missing = api.get("/v1/forms/never-created");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.body().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aRevisionOfAnUnknownFormIs404() {
        assertThat(api.get("/v1/forms/never-created-either/revisions/1").status())
                .isEqualTo(404);
    }

    @Test
    void aRevisionPastTheCurrentOneIs404() {
        create("revision-unknown", "Only one", "a");

        Api.Response missing = api.get("/v1/forms/revision-unknown/revisions/2");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v1/forms/revision-unknown/revisions/0").status()).isEqualTo(404);
    }

    @Test
    void aRevisionThatIsNotAWholeNumberIs404() {
        create("revision-text", "Only one", "a");

        assertThat(api.get("/v1/forms/revision-text/revisions/first").status()).isEqualTo(404);
        assertThat(api.get("/v1/forms/revision-text/revisions/1.0").status()).isEqualTo(404);
    }

    @Test
    void theListShowsTheCurrentRevisionOfEachFormOrderedById() {
        Api tenant = server.otherAccountApi();
        TextForms.create(tenant, "list-c", "C", "a");
        TextForms.create(tenant, "list-a", "A", "a");
        TextForms.create(tenant, "list-b", "B", "a");
        tenant.put("/v1/forms/list-b", TextForms.textForm("list-b", "B, revised", "a"));

        Api.Response list = tenant.get("/v1/forms");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("data"))
                .extracting(f -> f.get("id").asText())
                .containsExactly("list-a", "list-b", "list-c", "question", "tool-call"); // and the built-in forms
        assertThat(list.body().at("/data/1/revision").asInt()).isEqualTo(2);
        assertThat(list.body().at("/data/1/name").asText()).isEqualTo("B, revised");
        assertThat(list.body().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theListContinuesAfterTheCursor() {
        Api tenant = server.otherAccountApi();
        for (int i = 1; i <= 5; i++) {
            TextForms.create(tenant, "cursor-" + i, "Form " + i, "a");
        }

        Api.Response rest = tenant.get("/v1/forms?cursor=cursor-2");

        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().get("data"))
                .extracting(f -> f.get("id").asText())
                .containsExactly("cursor-3", "cursor-4", "cursor-5", "question", "tool-call");
        assertThat(rest.body().get("nextCursor").isNull()).isTrue();
    }

    /** A page holds 200 forms (openapi.yaml, listForms); the 201st is on the next page. */
    @Test
    void aFullPageEndsWithTheCursorOfItsLastForm() {
        Api tenant = server.otherAccountApi();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            ids.add("page-%03d".formatted(i));
            TextForms.create(tenant, ids.getLast(), "Form " + i, "a");
        }

        JsonNode first = tenant.get("/v1/forms").body();
        JsonNode second = tenant.get(
                        "/v1/forms?cursor=" + first.get("nextCursor").asText())
                .body();

        assertThat(first.get("data"))
                .extracting(f -> f.get("id").asText())
                .containsExactlyElementsOf(ids.subList(0, 200));
        assertThat(first.get("nextCursor").asText()).isEqualTo("page-199");
        assertThat(second.get("data"))
                .extracting(f -> f.get("id").asText())
                .containsExactly("page-200", "question", "tool-call");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void anotherAccountsFormIs404() {
        create("tenant-private", "Private", "a");
        Api other = server.otherAccountApi();

        assertThat(other.get("/v1/forms/tenant-private").status()).isEqualTo(404);
        assertThat(other.get("/v1/forms/tenant-private/revisions/1").status()).isEqualTo(404);
    }

    @Test
    void anotherAccountsFormsAreAbsentFromTheList() {
        create("tenant-listed", "Listed", "a");
        Api other = server.otherAccountApi();
        TextForms.create(other, "tenant-own", "Own", "a");

        assertThat(other.get("/v1/forms").body().get("data"))
                .extracting(f -> f.get("id").asText())
                .containsExactly("question", "tenant-own", "tool-call");
    }

    @Test
    void theSameIdInAnotherAccountIsAFormOfItsOwn() {
        create("tenant-shared-id", "Mine", "a");
        Api other = server.otherAccountApi();

        Api.Response theirs =
                other.put("/v1/forms/tenant-shared-id", TextForms.textForm("tenant-shared-id", "Theirs", "b"));

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.body().get("revision").asInt()).isEqualTo(1);
        JsonNode mine = api.get("/v1/forms/tenant-shared-id").body();
        assertThat(mine.get("revision").asInt()).isEqualTo(1);
        assertThat(mine.get("name").asText()).isEqualTo("Mine");
    }

    private void create(String id, String name, String... fieldIds) {
        TextForms.create(api, id, name, fieldIds);
    }

    private static List<String> fieldIds(JsonNode form) {
        List<String> ids = new ArrayList<>();
        form.get("fields").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }
}
