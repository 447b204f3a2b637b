package dev.reviewgate.mcp;

/**
 * The input schemas of the tools, as JSON Schema text. They describe the members; the parsers the
 * REST routes use stay the authority and answer anything else with a tool error naming the pointer.
 */
final class ToolSchemas {

    private ToolSchemas() {}

    static final String NONE = """
            {"type": "object", "properties": {}, "additionalProperties": false}""";

    static final String FORM_ID = """
            {"type": "object", "properties": {
              "formId": {"type": "string", "minLength": 1, "maxLength": 200, "description": "The form's id."}},
             "required": ["formId"], "additionalProperties": false}""";

    static final String REQUEST_REVIEW = """
            {"type": "object", "properties": {
              "formId": {"type": "string", "minLength": 1, "maxLength": 200, "description": "The form to review against."},
              "fields": {"type": "object", "description": "The output to review, one member per field (see get_form_schema)."},
              "title": {"type": "string", "maxLength": 500},
              "meta": {"type": "object", "description": "Your own data, echoed back on the review."},
              "workflowId": {"type": "string", "maxLength": 200},
              "runId": {"type": "string", "maxLength": 200, "description": "With blockId: the one gate of this run step."},
              "blockId": {"type": "string", "maxLength": 200},
              "assignTo": {"type": "array", "items": {"type": "string"}, "maxItems": 100, "description": "Reviewers' e-mails."},
              "assignToGroups": {"type": "array", "items": {"type": "string"}, "maxItems": 100, "description": "Group ids."},
              "webhookUrl": {"type": "string", "format": "uri"},
              "deadline": {"type": "object", "description": "{after: ISO-8601 duration | at: time, onExpire?}."},
              "priority": {"type": "integer", "minimum": 0, "maximum": 100},
              "updateForReviewId": {"type": "string", "maxLength": 200, "description": "The review whose retry this answers."}},
             "required": ["formId", "fields"], "additionalProperties": false}""";

    static final String GET_REVIEW = """
            {"type": "object", "properties": {
              "reviewId": {"type": "string", "minLength": 1, "maxLength": 200},
              "runId": {"type": "string", "minLength": 1, "maxLength": 200},
              "blockId": {"type": "string", "minLength": 1, "maxLength": 200}},
             "additionalProperties": false}""";

    static final String LIST_REVIEWS = """
            {"type": "object", "properties": {
              "status": {"type": "string", "enum": ["open", "pending", "changes_requested", "approved", "rejected", "decided", "all"]},
              "formId": {"type": "string", "maxLength": 200},
              "workflowId": {"type": "string", "maxLength": 200},
              "limit": {"type": "integer", "minimum": 1, "maximum": 200},
              "cursor": {"type": "string", "maxLength": 500}},
             "additionalProperties": false}""";

    static final String WAIT = """
            {"type": "object", "properties": {
              "reviewId": {"type": "string", "minLength": 1, "maxLength": 200},
              "timeoutSeconds": {"type": "integer", "minimum": 0, "maximum": 60, "default": 30}},
             "required": ["reviewId"], "additionalProperties": false}""";

    static final String APPEND_VERSION = """
            {"type": "object", "properties": {
              "reviewId": {"type": "string", "minLength": 1, "maxLength": 200},
              "parentId": {"type": "string", "minLength": 1, "maxLength": 64, "description": "The version this one is made from."},
              "snapshot": {"type": "object", "description": "The whole new output."},
              "note": {"type": "string", "maxLength": 2000},
              "origin": {"type": "string", "enum": ["agent_edit", "model_output", "human_edit"], "default": "agent_edit"}},
             "required": ["reviewId", "parentId", "snapshot"], "additionalProperties": false}""";

    static final String APPROVE = """
            {"type": "object", "properties": {
              "reviewId": {"type": "string", "minLength": 1, "maxLength": 200},
              "versionId": {"type": "string", "minLength": 1, "maxLength": 64, "description": "The exact version approved."}},
             "required": ["reviewId", "versionId"], "additionalProperties": false}""";

    static final String REJECT = """
            {"type": "object", "properties": {
              "reviewId": {"type": "string", "minLength": 1, "maxLength": 200},
              "versionId": {"type": "string", "minLength": 1, "maxLength": 64},
              "reason": {"type": "string", "minLength": 1, "maxLength": 2000}},
             "required": ["reviewId", "versionId", "reason"], "additionalProperties": false}""";

    static final String REQUEST_PERMISSION = """
            {"type": "object", "properties": {
              "tool_name": {"type": "string", "minLength": 1, "maxLength": 200, "description": "The tool the agent wants to call."},
              "input": {"type": "object", "description": "The input it wants to call it with."},
              "tool_use_id": {"type": "string", "maxLength": 200},
              "timeoutSeconds": {"type": "integer", "minimum": 0, "maximum": 60, "default": 60}},
             "required": ["tool_name", "input"]}""";

    static final String ASK_HUMAN = """
            {"type": "object", "properties": {
              "question": {"type": "string", "minLength": 1, "maxLength": 20000, "description": "Markdown."},
              "timeoutSeconds": {"type": "integer", "minimum": 0, "maximum": 60, "default": 60}},
             "required": ["question"], "additionalProperties": false}""";
}
