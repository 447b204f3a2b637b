package dev.reviewgate.client;

/**
 * The form (review template) API. Definitions are plain JSON (a map, a record or a
 * {@code JsonNode}) exactly as the HTTP API documents them, so nothing here lags behind new field
 * types.
 */
public final class Forms {

    private final Transport transport;

    Forms(Transport transport) {
        this.transport = transport;
    }

    /**
     * Creates the form, or makes a new revision of it. Existing reviews keep their revision.
     *
     * @param formId     the form id
     * @param definition e.g. {@code Map.of("name", "Review blog post", "fields", List.of(...))}
     * @return the stored revision
     * @throws ValidationException when the definition is invalid (a pointer per problem)
     */
    public Form put(String formId, Object definition) {
        // PUT is idempotent by itself: a retried PUT at worst adds an identical revision.
        Transport.Call call = Transport.Call.put("/v1/forms/" + ReviewAddress.segment(formId), Json.tree(definition));
        return Json.convert(transport.send(call), Form.class);
    }

    /**
     * The current revision of a form.
     *
     * @param formId the form id
     * @return the form
     * @throws NotFoundException when there is no such form
     */
    public Form get(String formId) {
        return Json.convert(
                transport.send(Transport.Call.get("/v1/forms/" + ReviewAddress.segment(formId))), Form.class);
    }
}
