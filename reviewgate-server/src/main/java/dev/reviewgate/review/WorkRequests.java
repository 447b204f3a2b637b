package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.IsoDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The request bodies of the routes that manage the human side: claim, release, assign, deadline. */
public final class WorkRequests {

    private WorkRequests() {}

    /** {@code POST …/claim} and {@code …/release}. */
    public record ClaimRequest(Actor author, int ttlSeconds) {

        public static ClaimRequest parse(JsonNode body, Principal principal, boolean withTtl) {
            BodyReader r = BodyReader.of(body, withTtl ? Set.of("author", "ttlSeconds") : Set.of("author"));
            Actor author = readAuthor(r, principal);
            int ttl = Claim.DEFAULT_TTL_SECONDS;
            JsonNode t = r.present("ttlSeconds");
            if (t != null) {
                if (!t.isIntegralNumber()
                        || !t.canConvertToInt()
                        || t.asInt() < 1
                        || t.asInt() > Claim.MAX_TTL_SECONDS) {
                    r.add(List.of(
                            new Violation("/ttlSeconds", "must be a whole number from 1 to " + Claim.MAX_TTL_SECONDS)));
                } else {
                    ttl = t.asInt();
                }
            }
            r.throwIfInvalid();
            return new ClaimRequest(author, ttl);
        }
    }

    /** {@code POST …/assign}: add to the assignees, or replace them. */
    public record AssignRequest(Assignees assignees, boolean replace) {

        public static AssignRequest parse(JsonNode body) {
            BodyReader r = BodyReader.of(body, Set.of("assignTo", "assignToGroups", "mode"));
            List<Violation> errors = new ArrayList<>();
            Assignees assignees = Assignees.parse(body, "", errors);
            String mode = r.optionalString("mode", 16);
            if (mode != null && !mode.equals("add") && !mode.equals("replace")) {
                errors.add(new Violation("/mode", "must be add or replace"));
            }
            boolean replace = "replace".equals(mode);
            if (!replace && errors.isEmpty() && assignees.isEmpty()) {
                errors.add(new Violation("/assignTo", "name at least one user or group to add"));
            }
            r.add(errors);
            r.throwIfInvalid();
            return new AssignRequest(assignees, replace);
        }
    }

    /** {@code POST …/deadline}: {@code {"at": time}} or {@code {"after": duration}} from now. */
    public record DeadlineRequest(Long at, Duration after) {

        public static DeadlineRequest parse(JsonNode body) {
            BodyReader r = BodyReader.of(body, Set.of("at", "after"));
            List<Violation> errors = new ArrayList<>();
            JsonNode at = r.present("at");
            JsonNode after = r.present("after");
            Long atMillis = null;
            Duration span = null;
            if ((at == null) == (after == null)) {
                errors.add(new Violation("", "give exactly one of at and after"));
            } else if (at != null) {
                atMillis = Deadline.instant(at, "/at", errors);
            } else {
                span = IsoDurations.parse(after, "/after", errors);
            }
            r.add(errors);
            r.throwIfInvalid();
            return new DeadlineRequest(atMillis, span);
        }

        public long dueAt(long now) {
            return at != null ? at : now + after.toMillis();
        }
    }

    private static Actor readAuthor(BodyReader r, Principal principal) {
        JsonNode node = r.present("author");
        if (node == null) {
            return principal.actor();
        }
        List<Violation> errors = Actor.check(node, "/author");
        r.add(errors);
        return errors.isEmpty() ? Actor.from(node) : null;
    }
}
