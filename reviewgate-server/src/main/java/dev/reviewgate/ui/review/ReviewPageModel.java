package dev.reviewgate.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.Verdict;
import dev.reviewgate.review.Version;
import dev.reviewgate.ui.session.WebUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the review page template gets: the review, the version on screen, its fields, and any message. */
final class ReviewPageModel {

    private ReviewPageModel() {}

    static Map<String, Object> build(
            WebUser user,
            Review review,
            FormDefinition form,
            Version shown,
            JsonNode values,
            FieldViews.Drafts drafts,
            String banner,
            String reasonDraft,
            long now) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put("review", review);
        model.put("work", WorkView.of(user, review, form, now));
        model.put("shown", shown);
        model.put("isHead", shown.id().equals(review.headVersionId()));
        model.put("fields", FieldViews.of(form, review, shown, values, drafts));
        model.put(
                "versions",
                review.versions().reversed().stream().map(v -> row(v, review)).toList());
        model.put("banner", banner == null ? "" : banner);
        model.put("reasonDraft", reasonDraft == null ? "" : reasonDraft);
        model.put("open", !review.isDecided());
        model.put("decision", review.decision() == null ? "" : decisionText(review));
        model.put(
                "triggeredBy",
                review.triggeredBy() == null
                        ? ""
                        : review.triggeredBy().path("kind").asText());
        model.put(
                "instructions",
                review.instructions().reversed().stream()
                        .map(i -> "Round " + i.round() + " · " + i.fieldId() + " · "
                                + (i.text() == null ? "retry" : i.text()) + " — "
                                + i.author().displayNameOrId())
                        .toList());
        return model;
    }

    static VersionRow row(Version v, Review review) {
        return new VersionRow(
                v.id(),
                v.id().substring(0, 12),
                v.origin().wire().replace('_', ' '),
                v.author().displayNameOrId(),
                Times.iso(v.createdAt()).replace('T', ' ').substring(0, 19) + " UTC",
                v.note() == null ? "" : v.note(),
                v.id().equals(review.headVersionId()));
    }

    private static String decisionText(Review review) {
        var d = review.decision();
        return (d.verdict() == Verdict.APPROVED ? "Approved" : "Rejected") + " by "
                + d.decidedBy().displayNameOrId()
                + " on version " + d.versionId().substring(0, 12)
                + (d.reason() == null ? "" : ": " + d.reason());
    }

    static List<String> fieldIds(FormDefinition form, Review review) {
        return form.fields().isEmpty()
                ? review.visibleFields()
                : form.fields().stream()
                        .map(f -> f.id())
                        .filter(review.visibleFields()::contains)
                        .toList();
    }
}
