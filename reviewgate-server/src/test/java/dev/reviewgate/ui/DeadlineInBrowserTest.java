package dev.reviewgate.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import dev.reviewgate.testing.BrowserTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Due and overdue in Chromium: a review due in an hour and one whose deadline has just passed, in
 * the inbox (column, "Overdue" filter, sort by due time) and on the review page; moving a deadline
 * with {@code POST …/deadline} shows the new due time.
 */
class DeadlineInBrowserTest extends BrowserTest {

    @Test
    void dueAndOverdueAreShownInTheInboxAndOnTheReviewPage() throws InterruptedException {
        api.put("/v1/forms/timed", Map.of("name", "Timed", "blockType", "classifier", "categories", List.of("a", "b")));
        String later = create("Due later", Map.of("after", "PT1H"), 80);
        String passed = create("Due soon", Map.of("after", "PT30M"), 20);
        String none = create("No deadline", null, 50);
        // Overdue, with its deadline's timer not yet fired: the state between a due time passing and
        // the timer worker deciding, which is what the page must show. (The worker would otherwise
        // reject it within a second; the timer suites cover that.)
        long past = Instant.now().minusSeconds(90).toEpochMilli();
        server.app().database().write(h -> {
            h.createUpdate("DELETE FROM timers WHERE review_id = :r")
                    .bind("r", passed)
                    .execute();
            return h.createUpdate("UPDATE reviews SET due_at = :past WHERE id = :r")
                    .bind("past", past)
                    .bind("r", passed)
                    .execute();
        });

        signIn();
        page.navigate(url("/inbox?sort=dueAt"));
        assertThat(cell("Due later", "td.due")).hasText(Pattern.compile("due in 59 min|due in 1 h"));
        assertThat(cell("Due soon", "td.due")).containsText("overdue by");
        assertThat(cell("Due soon", "td.due")).hasClass(Pattern.compile("overdue"));
        assertThat(cell("Due later", "td.due")).not().hasClass(Pattern.compile("overdue"));
        assertThat(cell("No deadline", "td.due")).hasText("");
        assertThat(cell("Due later", "td.priority")).hasText("80");
        // Soonest due first, reviews without a deadline last.
        assertThat(page.locator("tr.queue-row td:nth-child(2)"))
                .hasText(new String[] {"Due soon", "Due later", "No deadline"});

        page.getByLabel("Overdue").check();
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page.locator("tr.queue-row")).hasCount(1);
        assertThat(page.locator("tr.queue-row")).containsText("Due soon");

        page.navigate(url("/reviews/" + passed));
        assertThat(page.locator("[data-due]")).containsText("overdue by");
        assertThat(page.locator("[data-due]")).hasClass(Pattern.compile("overdue"));
        assertThat(page.locator("[data-priority]")).hasText("20");

        page.navigate(url("/reviews/" + later));
        assertThat(page.locator("[data-due]")).containsText(Pattern.compile("due in (59 min|1 h)"));
        JsonNode moved = api.post("/v1/reviews/" + later + "/deadline", Map.of("after", "PT3H"))
                .body();
        assertThat(moved.get("dueAt").isNull()).isFalse();
        // The page notices the move by itself (it polls), without a reload.
        assertThat(page.locator("[data-due]")).containsText(Pattern.compile("due in 2 h 59 min|due in 3 h"));

        page.navigate(url("/reviews/" + none));
        assertThat(page.locator("[data-due]")).hasCount(0);
    }

    private String create(String title, Map<String, Object> deadline, int priority) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(
                Map.of("formId", "timed", "title", title, "priority", priority, "fields", Map.of("category", "a")));
        if (deadline != null) {
            body.put("deadline", deadline);
        }
        return api.post("/v1/reviews", body).body().get("reviewId").asText();
    }

    private Locator cell(String title, String selector) {
        return page.locator("tr.queue-row")
                .filter(new Locator.FilterOptions().setHasText(title))
                .locator(selector);
    }
}
