package dev.reviewgate.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The definitions migration V12 stores are exactly the built-in forms, normalised, on both databases. */
class BuiltInFormsTest {

    @Test
    void bothMigrationsStoreTheNormalisedDefinitions() throws IOException {
        for (String dialect : new String[] {"sqlite", "postgresql"}) {
            String sql = migration(dialect);
            for (FormDefinition form : BuiltInForms.all()) {
                assertThat(sql).as(dialect).contains("('" + form.id() + "', '" + Json.write(form.toJson()) + "')");
            }
        }
    }

    @Test
    void theToolCallFormShowsTheToolAndLetsTheReviewerEditItsInput() {
        FormDefinition toolCall = BuiltInForms.all().get(0);
        assertThat(toolCall.id()).isEqualTo(BuiltInForms.TOOL_CALL);
        assertThat(toolCall.field("tool").orElseThrow().editable()).isFalse();
        assertThat(toolCall.field("input").orElseThrow().type()).isEqualTo(FieldType.JSON);
        assertThat(toolCall.field("input").orElseThrow().editable()).isTrue();
        assertThat(toolCall.field("context").orElseThrow().required()).isFalse();
        FormDefinition question = BuiltInForms.all().get(1);
        assertThat(question.field("question").orElseThrow().editable()).isFalse();
        assertThat(question.field("answer").orElseThrow().editable()).isTrue();
    }

    private static String migration(String dialect) throws IOException {
        try (InputStream in =
                BuiltInFormsTest.class.getResourceAsStream("/db/migration/" + dialect + "/V12__built_in_forms.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
