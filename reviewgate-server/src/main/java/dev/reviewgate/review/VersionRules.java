package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.json.CanonicalJson;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules 1–4 and 11: content-addressed, immutable versions. The review is open, and the snapshot's
 * shape and numbers were checked; the callers did both.
 */
public final class VersionRules {

    /** What appending a snapshot does: nothing new ({@code existing}) or a new version with this id and parent. */
    public record Append(String versionId, String parentId, boolean created) {}

    private VersionRules() {}

    /** An edit authored from {@code parentId} (rules 3 and 4). */
    public static Append append(Review review, JsonNode snapshot, String parentId) {
        if (review.version(parentId).isEmpty()) {
            throw Problem.invalid("/parentId", "no version " + parentId + " in this review");
        }
        String versionId = CanonicalJson.versionId(snapshot);
        Optional<Version> existing = review.version(versionId);
        if (existing.isPresent()) {
            if (Objects.equals(existing.get().parentId(), parentId)) {
                return new Append(versionId, parentId, false);
            }
            String parent = existing.get().parentId() == null
                    ? "as the first version, which has no parent"
                    : "with parent " + existing.get().parentId();
            throw Problem.conflict("This snapshot already exists as version " + versionId + " " + parent
                            + "; a version has exactly one parent.")
                    .with("versionId", versionId)
                    .with("parentId", existing.get().parentId());
        }
        return new Append(versionId, parentId, true);
    }

    /**
     * The agent's answer to instructions ({@code updateForReviewId}, rule 11): a model output whose
     * parent is the version the instructions were given on. Equal to the head → no new version;
     * equal to an older version → 409.
     */
    public static Append update(Review review, JsonNode snapshot) {
        String versionId = CanonicalJson.versionId(snapshot);
        if (versionId.equals(review.headVersionId())) {
            return new Append(versionId, review.head().parentId(), false);
        }
        if (review.version(versionId).isPresent()) {
            throw Problem.conflict("This output equals the earlier version " + versionId
                            + "; an update must be new output or the current head.")
                    .with("versionId", versionId);
        }
        String parentId = review.lastInstructedVersionId().orElse(review.headVersionId());
        return new Append(versionId, parentId, true);
    }
}
