/**
 * The Java SDK of Reviewgate, a self-hosted human review gate for AI agents. It needs the JDK's
 * {@code java.net.http.HttpClient}, Jackson and the RFC 8785 library the server uses
 * ({@code io.github.erdtman:java-json-canonicalization}, which has no dependencies), nothing else.
 *
 * <h2>Ask for review, gotoHuman style</h2>
 * <pre>{@code
 * Reviewgate rg = Reviewgate.builder()            // base URL and key default to
 *         .baseUrl("http://localhost:8080")       // $REVIEWGATE_BASE_URL and
 *         .apiKey(System.getenv("RG_KEY"))        // $REVIEWGATE_API_KEY
 *         .build();
 *
 * ReviewRequestResponse sent = rg.createReview("blog-review")
 *         .addFieldData("blog", draft)
 *         .addFieldData("imageOptions", List.of(Map.of("url", "https://cdn.example.com/a.jpg")))
 *         .addMetaData("postId", 42)
 *         .setWebhookUrl("https://agent.example.com/hooks/reviewgate")
 *         .sendRequest();
 *
 * // in the webhook handler, with the raw body:
 * WebhookEvent event = Webhooks.verify(rg.webhooks().signingSecret(), headers, rawBody);
 * if (event.event().equals(WebhookEvent.INSTRUCTIONS)) {
 *     List<String> asks = event.field("blog").allTextInstructions();
 *     rg.createReview("blog-review")
 *             .addFieldData("blog", rewrite(draft, asks))
 *             .updateForReview(event.reviewId())
 *             .sendRequest();
 * }
 * }</pre>
 *
 * <h2>Review and wait, Retab style</h2>
 * <pre>{@code
 * Reviews reviews = rg.reviews();
 * for (ReviewSummary item : reviews.list(ListParams.open().workflowId("wf_abc123"))) {
 *     System.out.println(item.runId() + " " + item.blockId() + " " + item.awaitingSince());
 * }
 *
 * Review review = reviews.waitFor(ReviewAddress.byRun("run_abc123", "block_extract"), Duration.ofMinutes(2), Duration.ofSeconds(2));
 * Edited edited = reviews.edit(EditRequest.of(review.address(), review.headVersionId(),
 *         Map.of("total_amount", 325, "vendor_name", "Acme Corp")).note("Corrected total."));
 * reviews.approve(review.address(), edited.versionId());
 *
 * Review decided = reviews.waitForDecision(review.address(), Duration.ofHours(1));
 * assert VersionIds.of(decided.version(decided.decision().versionId()).orElseThrow().snapshot())
 *         .equals(decided.decision().versionId());
 * }</pre>
 *
 * <h2>People, routing and deadlines</h2>
 * <pre>{@code
 * Actor dana = Actor.human("dana@example.com", "Dana Rivera");
 * ReviewRequestResponse sent = rg.createReview("invoice-extract")
 *         .addFieldData("total_amount", 352)
 *         .assignToGroups(List.of("billing"))
 *         .setPriority(80)
 *         .setDeadline(Deadline.after(Duration.ofHours(4)))   // rejects on expiry unless told otherwise
 *         .sendRequest();
 *
 * Review claimed = rg.work().claim(sent.reviewId(), dana);     // ConflictException#claim() if another holds it
 * rg.work().moveDeadline(sent.reviewId(), Duration.ofHours(8));
 * for (ReviewSummary mine : rg.reviews().list(ListParams.open().claimedBy(dana.id()).sort(ListParams.Sort.DUE_AT))) {
 *     // soonest due first
 * }
 * BulkResult result = rg.work().decideInBulk(BulkDecision.approve(List.of(BulkDecision.Item.of(claimed))).author(dana));
 * }</pre>
 *
 * <h2>Errors</h2>
 * Every failed call throws a {@link dev.reviewgate.client.ReviewgateException}; its subclasses
 * name the cases to handle: {@link dev.reviewgate.client.ConflictException} (with the decision that
 * stands, or another's claim), {@link dev.reviewgate.client.ValidationException} (with a JSON Pointer per problem),
 * {@link dev.reviewgate.client.NotFoundException}, {@link dev.reviewgate.client.AuthenticationException},
 * {@link dev.reviewgate.client.RateLimitedException}, {@link dev.reviewgate.client.ServerException} and
 * {@link dev.reviewgate.client.WaitTimeoutException}. Requests that are safe to repeat (reads, and
 * every POST, which carries an {@code Idempotency-Key}) are retried with backoff on 429, 502, 503,
 * 504 and network errors.
 */
package dev.reviewgate.client;
