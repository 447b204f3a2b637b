package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Retab review loop, step by step, for the tests of its queue, versions and decisions: each
 * step opens a gate of its own (form, workflow and run) so no test sees another's reviews.
 */
final class RetabLoop {

    static final String BLOCK = "block_extract";
    static final JsonNode CORRECTED = json("{'total_amount':325,'vendor_name':'Acme Corp'}");

    private static final AtomicInteger IDS = new AtomicInteger();

    /** A review reached at a run's extract block; {@code path} is its run address. */
    record Gate(String formId, String runId, String path) {}

    /** A gate whose model output a human corrected; {@code corrected} is that version. */
    record Corrected(Gate gate, String modelVersion, String corrected) {}

    private final Api api;

    RetabLoop(Api api) {
        this.api = api;
    }

    /** The seed's extract form under an id of its own. */
    String newInvoiceForm() {
        ObjectNode form = (ObjectNode) Fixtures.invoiceForm();
        form.put("id", "invoice-extract-" + IDS.incrementAndGet());
        assertThat(api.post("/v1/forms", form).status()).isEqualTo(201);
        return form.get("id").asText();
    }

    /** The seed's review: GPT's extraction of invoice INV-991, gated at its run's extract block. */
    Gate newGate() {
        String formId = newInvoiceForm();
        String runId = "run_abc123_" + IDS.incrementAndGet();
        assertThat(api.post(
                                "/v1/reviews",
                                Map.of(
                                        "formId",
                                        formId,
                                        "workflowId",
                                        "wf_abc123",
                                        "runId",
                                        runId,
                                        "blockId",
                                        BLOCK,
                                        "fields",
                                        Map.of(
                                                "invoice_number",
                                                "INV-991",
                                                "total_amount",
                                                352,
                                                "vendor_name",
                                                "Acme Corp"),
                                        "author",
                                        Map.of("kind", "model", "id", "gpt", "displayName", "GPT")))
                        .status())
                .isEqualTo(201);
        return new Gate(formId, runId, "/v1/runs/" + runId + "/blocks/" + BLOCK + "/review");
    }

    /** Three pending reviews, oldest first, in a workflow of their own; returns the workflow id. */
    String queueOfThree() {
        String formId = newInvoiceForm();
        String workflow = "wf_queue_" + IDS.incrementAndGet();
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post(
                                    "/v1/reviews",
                                    Map.of(
                                            "formId",
                                            formId,
                                            "workflowId",
                                            workflow,
                                            "runId",
                                            workflow + "_q" + i,
                                            "blockId",
                                            BLOCK,
                                            "fields",
                                            Map.of("total_amount", i, "vendor_name", "V" + i)))
                            .status())
                    .isEqualTo(201);
        }
        return workflow;
    }

    String headVersion(Gate gate) {
        return api.get(gate.path()).body().get("headVersionId").asText();
    }

    /** Dana corrects the total from 352 to 325. */
    Api.Response correctTotal(Gate gate, String parentId) {
        return api.post(
                gate.path() + "/versions",
                Map.of(
                        "parentId",
                        parentId,
                        "snapshot",
                        CORRECTED,
                        "origin",
                        "human_edit",
                        "note",
                        "Corrected total.",
                        "author",
                        Map.of("kind", "human", "id", "user_42", "displayName", "Dana Rivera")));
    }

    Corrected correctedGate() {
        Gate gate = newGate();
        String modelVersion = headVersion(gate);
        Api.Response edited = correctTotal(gate, modelVersion);
        assertThat(edited.status()).isEqualTo(201);
        return new Corrected(gate, modelVersion, edited.body().get("versionId").asText());
    }

    Api.Response approve(Corrected edit) {
        return api.post(edit.gate().path() + "/approve", Map.of("versionId", edit.corrected()));
    }
}
