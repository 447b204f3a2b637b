package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.util.List;

/** Test helpers: JSON written with single quotes for readability, and 422 violations of a parse. */
final class TestJson {

    private TestJson() {}

    /** Parses JSON in which {@code '} stands for {@code "}; tests never need a literal quote. */
    static JsonNode json(String singleQuoted) {
        return Json.parse(singleQuoted.replace('\'', '"'));
    }

    static FormDefinition form(String singleQuoted) {
        return FormParser.parse(json(singleQuoted));
    }

    /** The violations of a form body that must be refused. */
    static List<Violation> parseErrors(String singleQuoted) {
        try {
            FormParser.parse(json(singleQuoted));
        } catch (Problem p) {
            if (p.status() != 422) {
                throw new AssertionError("expected a 422, got " + p.status());
            }
            return p.errors();
        }
        throw new AssertionError("the form was accepted: " + singleQuoted);
    }

    /** A form with one field, given as its JSON without the braces, e.g. {@code 'type':'text'}. */
    static FormDefinition oneField(String fieldMembers) {
        return form("{'id':'f','name':'F','fields':[{'id':'v'," + fieldMembers + "}]}");
    }

    /** Violations of {@code {"v": value}} against a one-field form. */
    static List<Violation> valueErrors(FormDefinition form, String valueJson) {
        return SnapshotValidator.validate(form, json("{'v':" + valueJson + "}"), "");
    }
}
