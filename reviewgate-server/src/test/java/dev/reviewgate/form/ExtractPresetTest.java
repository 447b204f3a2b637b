package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static dev.reviewgate.form.TestJson.json;
import static dev.reviewgate.form.TestJson.parseErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ExtractPresetTest {

    private static final FormDefinition INVOICE = form(
            "{'id':'inv','name':'Invoice','blockType':'extract','schema':{"
                    + "'type':'object','required':['invoice_number','total'],'properties':{"
                    + "'invoice_number':{'type':'string','pattern':'^INV-'},'total':{'type':'number','minimum':0},"
                    + "'paid':{'type':'boolean'},'note':{'type':['string','null']},'lines':{'type':'array','items':{'type':'object'}}}}}");

    @Test
    void expandsPropertiesToTypedFields() {
        assertThat(INVOICE.fields())
                .extracting(Field::id, Field::type, Field::required, Field::nullable)
                .containsExactly(
                        Tuple.tuple("invoice_number", FieldType.TEXT, true, false),
                        Tuple.tuple("total", FieldType.NUMBER, true, false),
                        Tuple.tuple("paid", FieldType.BOOLEAN, false, false),
                        Tuple.tuple("note", FieldType.TEXT, false, true),
                        Tuple.tuple("lines", FieldType.JSON, false, false));
        assertThat(INVOICE.field("lines")
                        .orElseThrow()
                        .options(JsonOptions.class)
                        .schema()
                        .get("type")
                        .asText())
                .isEqualTo("array");
        assertThat(INVOICE.fields()).allSatisfy(f -> assertThat(f.retry()).isEqualTo(Retry.BOTH));
    }

    @Test
    void acceptsTheRawExtractedObject() {
        assertThat(SnapshotValidator.validate(
                        INVOICE, json("{'invoice_number':'INV-991','total':1200,'note':null}"), ""))
                .isEmpty();
    }

    @Test
    void unknownKeysAreRefusedWhenAdditionalPropertiesIsMissing() {
        assertThat(SnapshotValidator.validate(INVOICE, json("{'invoice_number':'INV-1','total':1,'totl':2}"), ""))
                .extracting(Violation::pointer)
                .containsExactly("/totl");
    }

    @Test
    void unknownKeysAreAllowedWhenTheSchemaSaysSo() {
        FormDefinition open = form(
                "{'id':'x','name':'X','blockType':'extract','schema':{'type':'object','additionalProperties':true}}");
        assertThat(SnapshotValidator.validate(open, json("{'anything':1}"), "")).isEmpty();
    }

    @Test
    void requiredKeysWithoutAPropertyAreStillRequired() {
        FormDefinition open = form(
                "{'id':'x','name':'X','blockType':'extract','schema':{'type':'object','additionalProperties':true,'required':['id']}}");
        assertThat(SnapshotValidator.validate(open, json("{'other':1}"), ""))
                .extracting(Violation::pointer)
                .containsExactly("/id");
        assertThat(SnapshotValidator.validate(open, json("{'id':1}"), "")).isEmpty();
    }

    @Test
    void extraKeysAreCheckedAgainstAnAdditionalPropertiesSchema() {
        FormDefinition typed = form(
                "{'id':'x','name':'X','blockType':'extract','schema':{'type':'object','additionalProperties':{'type':'string'}}}");
        SnapshotValidator.Result result = SnapshotValidator.check(typed, json("{'a':'ok','b':2}"), "");
        assertThat(result.shape()).isEmpty();
        assertThat(result.schema()).extracting(Violation::pointer).containsExactly("/b");
    }

    @Test
    void wrongTypesAndMissingKeysAreShapeViolations() {
        SnapshotValidator.Result result = SnapshotValidator.check(INVOICE, json("{'invoice_number':5}"), "");
        assertThat(result.shape())
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/invoice_number", "/total");
        assertThat(result.schema()).isEmpty();
    }

    @Test
    void valueConstraintsAreSchemaViolations() {
        SnapshotValidator.Result result =
                SnapshotValidator.check(INVOICE, json("{'invoice_number':'X-1','total':-5,'lines':[1]}"), "");
        assertThat(result.shape()).isEmpty();
        assertThat(result.schema())
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/invoice_number", "/total", "/lines/0");
    }

    @Test
    void withoutSchemaAnyObjectIsAccepted() {
        FormDefinition open = form("{'id':'x','name':'X','blockType':'extract'}");
        assertThat(open.fields()).isEmpty();
        assertThat(SnapshotValidator.validate(open, json("{'whatever':{'nested':[1]}}"), ""))
                .isEmpty();
        assertThat(SnapshotValidator.validate(open, json("[1]"), "")).hasSize(1);
    }

    @Test
    void rootSchemaMustBeAnObjectType() {
        assertThat(parseErrors("{'id':'x','name':'X','blockType':'extract','schema':{'type':'array'}}"))
                .extracting(Violation::pointer)
                .containsExactly("/schema/type");
    }

    @Test
    void unsupportedKeywordInTheSchemaIsNamed() {
        assertThat(
                        parseErrors(
                                "{'id':'x','name':'X','blockType':'extract','schema':{'type':'object','properties':{'d':{'type':'string','format':'date'}}}}"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/schema/properties/d/format");
                    assertThat(v.message()).contains("format");
                });
    }

    @Test
    void propertyNamesMustBeUsableAsFieldIds() {
        assertThat(
                        parseErrors(
                                "{'id':'x','name':'X','blockType':'extract','schema':{'type':'object','properties':{'a b':{}}}}"))
                .extracting(Violation::pointer)
                .containsExactly("/schema/properties/a b");
    }
}
