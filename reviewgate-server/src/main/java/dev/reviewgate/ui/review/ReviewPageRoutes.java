package dev.reviewgate.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.review.Origin;
import dev.reviewgate.review.RetryRequest;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRequests;
import dev.reviewgate.review.Verdict;
import dev.reviewgate.review.Version;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review page: every field of the version on screen, editing into a new {@code human_edit}
 * version, per-field retries, and decisions on exactly the version shown. A refused action shows
 * the page again with what was typed and what was wrong; a decision taken meanwhile is shown.
 */
public final class ReviewPageRoutes {

    private final ReviewReader reader;
    private final ReviewCommands commands;
    private final Database database;
    private final FormRepository forms;
    private final Pages pages;
    private final InstantSource clock;

    public ReviewPageRoutes(
            ReviewReader reader,
            ReviewCommands commands,
            Database database,
            FormRepository forms,
            Pages pages,
            InstantSource clock) {
        this.reader = reader;
        this.commands = commands;
        this.database = database;
        this.forms = forms;
        this.pages = pages;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get("/reviews/{reviewId}", this::showReview);
        r.get("/reviews/{reviewId}/live", this::showLivePanel);
        r.post("/reviews/{reviewId}/edit", this::processEdit);
        r.post("/reviews/{reviewId}/instructions", this::processInstructions);
        r.post("/reviews/{reviewId}/approve", ctx -> processDecision(ctx, Verdict.APPROVED));
        r.post("/reviews/{reviewId}/reject", ctx -> processDecision(ctx, Verdict.REJECTED));
        r.post("/markdown/preview", this::previewMarkdown);
    }

    private void showReview(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Review review = load(ctx, user);
        Version shown = review.version(
                        ctx.queryParam("version") == null ? review.headVersionId() : ctx.queryParam("version"))
                .orElseThrow(() -> Problem.notFound("No such version in this review"));
        render(ctx, 200, "review.jte", user, review, shown, shown.snapshot(), FieldViews.Drafts.NONE, null, null);
    }

    /**
     * Polled by the page: nothing (204) while the head, status, claim, due time and votes are as
     * shown, else the new panel.
     */
    private void showLivePanel(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Review review = load(ctx, user);
        if (review.headVersionId().equals(ctx.queryParam("head"))
                && review.status().wire().equals(ctx.queryParam("status"))
                && WorkView.of(user, review, form(user, review), clock.millis())
                        .liveKey()
                        .equals(ctx.queryParam("work"))) {
            ctx.status(204);
            return;
        }
        render(
                ctx,
                200,
                "reviewPanel.jte",
                user,
                review,
                review.head(),
                review.head().snapshot(),
                FieldViews.Drafts.NONE,
                "This review changed while you were looking: you now see the latest version.",
                null);
    }

    private void processEdit(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Review review = load(ctx, user);
        Version parent = parent(ctx, review);
        FormDefinition form = form(user, review);
        SnapshotForm.Result typed = SnapshotForm.read(form, review, parent.snapshot(), ctx::formParams);
        FieldViews.Drafts drafts = new FieldViews.Drafts(typed.rawText(), typed.errors(), Map.of(), Set.of());
        if (!typed.errors().isEmpty()) {
            render(
                    ctx,
                    422,
                    "review.jte",
                    user,
                    review,
                    parent,
                    typed.snapshot(),
                    drafts,
                    "Some fields could not be read.",
                    null);
            return;
        }
        try {
            String note = ctx.formParam("note");
            commands.append(
                    user.principal(),
                    ReviewAddress.byId(review.id()),
                    new ReviewRequests.Append(
                            parent.id(),
                            typed.snapshot(),
                            Origin.HUMAN_EDIT,
                            note == null || note.isBlank() ? null : note.trim(),
                            user.principal().actor()));
            ctx.redirect("/reviews/" + review.id(), HttpStatus.SEE_OTHER);
        } catch (Problem p) {
            Review now = load(ctx, user);
            Map<String, List<String>> errors = fieldErrors(p, "/snapshot");
            if (form.fields().isEmpty()) {
                errors = Map.of(
                        FieldView.WHOLE_SNAPSHOT,
                        errors.entrySet().stream()
                                .flatMap(e -> e.getValue().stream().map(m -> "/" + e.getKey() + ": " + m))
                                .toList());
            }
            FieldViews.Drafts withErrors = new FieldViews.Drafts(typed.rawText(), errors, Map.of(), Set.of());
            render(ctx, p.status(), "review.jte", user, now, parent, typed.snapshot(), withErrors, message(p), null);
        }
    }

    private void processInstructions(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Review review = load(ctx, user);
        Map<String, RetryRequest> fields = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> reruns = new HashSet<>();
        for (String fieldId : review.visibleFields()) {
            String text = ctx.formParam("instruction." + fieldId);
            if (text != null && !text.isBlank()) {
                texts.put(fieldId, text);
                fields.put(fieldId, RetryRequest.text(text.trim()));
            } else if ("on".equals(ctx.formParam("retry." + fieldId))) {
                reruns.add(fieldId);
                fields.put(fieldId, RetryRequest.rerun());
            }
        }
        try {
            commands.instruct(
                    user.principal(),
                    ReviewAddress.byId(review.id()),
                    new ReviewRequests.Instruct(fields, user.principal().actor()));
            ctx.redirect("/reviews/" + review.id(), HttpStatus.SEE_OTHER);
        } catch (Problem p) {
            Review now = load(ctx, user);
            FieldViews.Drafts drafts = new FieldViews.Drafts(Map.of(), fieldErrors(p, "/fields"), texts, reruns);
            render(
                    ctx,
                    p.status(),
                    "review.jte",
                    user,
                    now,
                    now.head(),
                    now.head().snapshot(),
                    drafts,
                    message(p),
                    null);
        }
    }

    private void processDecision(Context ctx, Verdict verdict) {
        WebUser user = WebSessions.user(ctx);
        Review review = load(ctx, user);
        Version shown = parent(ctx, review);
        String reason = ctx.formParam("reason");
        try {
            commands.decide(
                    user.principal(),
                    ReviewAddress.byId(review.id()),
                    verdict,
                    new ReviewRequests.Decide(
                            shown.id(),
                            reason == null || reason.isBlank() ? null : reason.trim(),
                            user.principal().actor()));
            ctx.redirect("/reviews/" + review.id(), HttpStatus.SEE_OTHER);
        } catch (Problem p) {
            render(
                    ctx,
                    p.status(),
                    "review.jte",
                    user,
                    load(ctx, user),
                    shown,
                    shown.snapshot(),
                    FieldViews.Drafts.NONE,
                    message(p),
                    reason);
        }
    }

    private void previewMarkdown(Context ctx) {
        String field = ctx.queryParam("field");
        String source = field == null ? ctx.formParam("source") : ctx.formParam("f." + field);
        ctx.contentType("text/html; charset=utf-8").result(Markdown.render(source == null ? "" : source));
    }

    private void render(
            Context ctx,
            int status,
            String template,
            WebUser user,
            Review review,
            Version shown,
            JsonNode values,
            FieldViews.Drafts drafts,
            String banner,
            String reason) {
        pages.render(
                ctx,
                status,
                template,
                ReviewPageModel.build(
                        user, review, form(user, review), shown, values, drafts, banner, reason, clock.millis()));
    }

    /** The page on the latest version with a message, for the claim buttons' answers. */
    void showWithBanner(Context ctx, int status, WebUser user, String banner) {
        Review review = load(ctx, user);
        Version head = review.head();
        render(ctx, status, "review.jte", user, review, head, head.snapshot(), FieldViews.Drafts.NONE, banner, null);
    }

    private Review load(Context ctx, WebUser user) {
        return reader.get(user.accountId(), ReviewAddress.byId(ctx.pathParam("reviewId")));
    }

    /** The version the reviewer had on screen: the one their action is about. */
    private static Version parent(Context ctx, Review review) {
        String id = ctx.formParam("versionId");
        return review.version(id == null ? "" : id).orElseThrow(() -> Problem.invalid("/versionId", "unknown version"));
    }

    private FormDefinition form(WebUser user, Review review) {
        return database.read(h -> forms.revision(h, user.accountId(), review.formId(), review.formRevision()))
                .orElseThrow()
                .definition();
    }

    /** Groups a 422's pointers by field: {@code /snapshot/blog/0} belongs to {@code blog}. */
    static Map<String, List<String>> fieldErrors(Problem p, String prefix) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Violation v : p.errors()) {
            String rest = v.pointer().startsWith(prefix + "/") ? v.pointer().substring(prefix.length() + 1) : "";
            String field = rest.isEmpty()
                    ? FieldView.WHOLE_SNAPSHOT
                    : rest.split("/", 2)[0].replace("~1", "/").replace("~0", "~");
            String where = rest.contains("/") ? " (at " + rest.substring(rest.indexOf('/')) + ")" : "";
            out.computeIfAbsent(field, k -> new ArrayList<>()).add(v.message() + where);
        }
        return out;
    }

    private static String message(Problem p) {
        return switch (p.status()) {
            case 409 -> "Not saved: " + p.detail() + " Your text is kept below.";
            case 422 -> "Not saved: " + p.detail();
            default -> p.detail();
        };
    }
}
