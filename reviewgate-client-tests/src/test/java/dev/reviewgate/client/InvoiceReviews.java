package dev.reviewgate.client;

import java.util.Map;

/**
 * What the {@code Reviews*Test} suites share: a model's invoice extraction gated on an invoice form of its own,
 * the correction a human makes to it, and that human.
 */
final class InvoiceReviews {

    static final Map<String, Object> MODEL_OUTPUT =
            Map.of("invoice_number", "INV-991", "total_amount", 352, "vendor_name", "Acme Corp");
    static final Map<String, Object> CORRECTED = Map.of("total_amount", 325, "vendor_name", "Acme Corp");
    static final Actor DANA = Actor.human("dana", "Dana Rivera");

    private final Reviewgate rg;
    private final String formId;

    /** Puts a fresh invoice form, so that each test's reviews are its own. */
    InvoiceReviews(Reviewgate rg) {
        this.rg = rg;
        this.formId = LiveServer.newInvoiceForm(rg);
    }

    String formId() {
        return formId;
    }

    /** The model's output for this run's {@code block_extract}, at a confidence low enough to wait for a human. */
    ReviewRequestResponse gate(String workflow, String run) {
        ReviewRequestBuilder request = rg.createReview(formId)
                .setRunAddress(workflow, run, "block_extract")
                .setAuthor(Actor.model("gpt", "GPT"))
                .setSignals(Map.of("confidence", 0.71));
        MODEL_OUTPUT.forEach(request::addFieldData);
        return request.sendRequest();
    }
}
