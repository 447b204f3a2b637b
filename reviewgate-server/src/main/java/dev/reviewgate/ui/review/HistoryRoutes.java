package dev.reviewgate.ui.review;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.Version;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A review's versions (who, when, origin) and a per-field diff between any two of them. */
public final class HistoryRoutes {

    private final ReviewReader reader;
    private final Database database;
    private final FormRepository forms;
    private final Pages pages;

    public HistoryRoutes(ReviewReader reader, Database database, FormRepository forms, Pages pages) {
        this.reader = reader;
        this.database = database;
        this.forms = forms;
        this.pages = pages;
    }

    public void routes(RoutesConfig r) {
        r.get("/reviews/{reviewId}/history", this::showHistory);
    }

    /** Compares {@code from} with {@code to}; by default the head with the version it was made from. */
    private void showHistory(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Review review = reader.get(user.accountId(), ReviewAddress.byId(ctx.pathParam("reviewId")));
        Version to = version(review, ctx.queryParam("to"), review.head());
        Version defaultFrom =
                to.parentId() == null ? to : review.version(to.parentId()).orElse(to);
        Version from = version(review, ctx.queryParam("from"), defaultFrom);
        FormDefinition form = database.read(
                        h -> forms.revision(h, user.accountId(), review.formId(), review.formRevision()))
                .orElseThrow()
                .definition();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put("review", review);
        model.put(
                "versions",
                review.versions().reversed().stream()
                        .map(v -> ReviewPageModel.row(v, review))
                        .toList());
        model.put("from", from.id());
        model.put("to", to.id());
        model.put("diffs", VersionDiff.between(ReviewPageModel.fieldIds(form, review), from.snapshot(), to.snapshot()));
        pages.render(ctx, "history.jte", model);
    }

    private static Version version(Review review, String id, Version fallback) {
        if (id == null || id.isBlank()) {
            return fallback;
        }
        return review.version(id).orElseThrow(() -> Problem.notFound("No version " + id + " in this review"));
    }
}
