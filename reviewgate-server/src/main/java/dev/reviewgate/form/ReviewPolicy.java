package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.policy.PolicyParser;
import dev.reviewgate.policy.Predicate;
import java.util.List;

/**
 * A form's review policy, parsed once with the form: the predicate that decides at creation whether
 * a human must look, and the JSON it was given as (written back unchanged).
 *
 * @param json      the policy as the form gave it, or null for the default ({@code always})
 * @param predicate the parsed predicate
 */
public record ReviewPolicy(JsonNode json, Predicate predicate) {

    /** The default policy: every output is reviewed. */
    public static final ReviewPolicy ALWAYS = new ReviewPolicy(null, new Predicate.Always());

    public ReviewPolicy {
        json = json == null ? null : json.deepCopy();
    }

    /** Parses {@code json} (null: the default); its problems are added to {@code out} under {@code pointer}. */
    static ReviewPolicy parse(JsonNode json, String pointer, List<Violation> out) {
        if (json == null) {
            return ALWAYS;
        }
        try {
            return new ReviewPolicy(json, PolicyParser.parse(json, pointer));
        } catch (Problem problem) {
            out.addAll(problem.errors());
            return ALWAYS;
        }
    }
}
