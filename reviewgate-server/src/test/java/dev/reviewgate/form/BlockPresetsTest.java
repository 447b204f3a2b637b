package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static dev.reviewgate.form.TestJson.json;
import static dev.reviewgate.form.TestJson.parseErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockPresetsTest {

    private static final FormDefinition CLASSIFIER = form(
            "{'id':'c','name':'Classify','blockType':'classifier','categories':['invoice','booking_confirmation']}");

    private static List<Violation> classify(String snapshot) {
        return SnapshotValidator.validate(CLASSIFIER, json(snapshot), "");
    }

    @Test
    void classifierExpandsToOneRequiredSelectWithRetries() {
        Field category = CLASSIFIER.fields().get(0);

        assertThat(CLASSIFIER.fields()).hasSize(1);
        assertThat(category.id()).isEqualTo("category");
        assertThat(category.type()).isEqualTo(FieldType.SELECT);
        assertThat(category.required()).isTrue();
        assertThat(category.nullable()).isFalse();
        assertThat(category.retry()).isEqualTo(Retry.BOTH);
        assertThat(category.options(SelectOptions.class).options()).hasSize(2);
    }

    @Test
    void classifierAcceptsExactlyACategory() {
        assertThat(classify("{'category':'booking_confirmation'}")).isEmpty();
    }

    @Test
    void classifierRefusesReasoning() {
        assertThat(classify("{'category':'invoice','reasoning':'looks like one'}"))
                .extracting(Violation::pointer)
                .containsExactly("/reasoning");
    }

    @Test
    void classifierRefusesACategoryNotInTheList() {
        assertThat(classify("{'category':'receipt'}"))
                .extracting(Violation::pointer)
                .containsExactly("/category");
    }

    @Test
    void classifierRefusesAMissingOrNullCategory() {
        assertThat(classify("{}")).extracting(Violation::pointer).containsExactly("/category");
        assertThat(classify("{'category':null}")).extracting(Violation::pointer).containsExactly("/category");
    }

    @Test
    void classifierNeedsNonEmptyUniqueStringCategories() {
        assertThat(parseErrors("{'id':'c','name':'C','blockType':'classifier'}"))
                .extracting(Violation::pointer)
                .containsExactly("/categories");
        assertThat(parseErrors("{'id':'c','name':'C','blockType':'classifier','categories':['a','a',1]}"))
                .extracting(Violation::pointer)
                .containsExactly("/categories/1", "/categories/2");
    }

    @Test
    void splitExpandsToDocumentsKeyedByName() {
        FormDefinition split = form("{'id':'s','name':'S','blockType':'split'}");
        assertThat(split.fields()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("documents");
            assertThat(f.type()).isEqualTo(FieldType.PAGE_GROUPS);
            assertThat(f.options(PageGroupsOptions.class).keyName()).isEqualTo("name");
            assertThat(f.required()).isTrue();
            assertThat(f.nullable()).isFalse();
        });
        assertThat(SnapshotValidator.validate(
                        split, json("{'documents':[{'name':'legal_mentions','pages':[1,2]}]}"), ""))
                .isEmpty();
    }

    @Test
    void forEachExpandsToPartitionsKeyedByKey() {
        FormDefinition forEach = form("{'id':'p','name':'P','blockType':'for_each'}");
        assertThat(SnapshotValidator.validate(forEach, json("{'partitions':[{'key':'INV-001','pages':[1,2]}]}"), ""))
                .isEmpty();
        assertThat(SnapshotValidator.validate(forEach, json("{'partitions':[{'name':'INV-001','pages':[1]}]}"), ""))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/partitions/0/name", "/partitions/0/key");
    }

    @Test
    void presetsRefuseOwnFields() {
        assertThat(parseErrors("{'id':'s','name':'S','blockType':'split','fields':[{'id':'a','type':'text'}]}"))
                .extracting(Violation::pointer)
                .containsExactly("/fields");
    }

    @Test
    void unknownBlockTypeIsRefused() {
        assertThat(parseErrors("{'id':'s','name':'S','blockType':'summarize'}"))
                .extracting(Violation::pointer)
                .containsExactly("/blockType");
    }

    @Test
    void presetOptionsBelongToTheirPreset() {
        assertThat(parseErrors(
                        "{'id':'s','name':'S','blockType':'split','categories':['a'],'schema':{'type':'object'}}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/categories", "/schema");
    }
}
