package dev.reviewgate.form;

import dev.reviewgate.json.Json;
import java.util.List;

/**
 * The forms every account has from its creation (migration V12 adds them to existing accounts and,
 * by a trigger, to each new one): {@code tool-call}, the gate for a tool an agent wants to call, and
 * {@code question}, a question a person answers by editing {@code answer} and approving.
 */
public final class BuiltInForms {

    public static final String TOOL_CALL = "tool-call";
    public static final String QUESTION = "question";

    /** {@code tool-call}: the tool's name (read-only), its input (editable JSON) and optional context. */
    public static final String TOOL_CALL_DEFINITION = """
            {"id": "tool-call", "name": "Tool call", "fields": [
              {"id": "tool", "type": "text", "label": "Tool", "required": true, "nullable": false, "editable": false},
              {"id": "input", "type": "json", "label": "Input", "required": true, "nullable": false},
              {"id": "context", "type": "markdown", "label": "Context", "required": false, "editable": false}]}""";

    /** {@code question}: the question (read-only) and the answer, sent empty and filled in by the reviewer. */
    public static final String QUESTION_DEFINITION = """
            {"id": "question", "name": "Question", "fields": [
              {"id": "question", "type": "markdown", "label": "Question", "required": true, "nullable": false, "editable": false},
              {"id": "answer", "type": "text", "label": "Answer", "required": true, "nullable": false, "multiline": true}]}""";

    private BuiltInForms() {}

    /** Both definitions, parsed. */
    public static List<FormDefinition> all() {
        return List.of(
                FormParser.parse(Json.parse(TOOL_CALL_DEFINITION)), FormParser.parse(Json.parse(QUESTION_DEFINITION)));
    }
}
