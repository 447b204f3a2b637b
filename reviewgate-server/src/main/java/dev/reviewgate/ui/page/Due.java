package dev.reviewgate.ui.page;

import dev.reviewgate.kernel.Times;
import java.time.Duration;

/** How the pages say when something is due or lapses: "due in 59 min", "overdue by 2 h 5 min", "14:05:09 UTC". */
public final class Due {

    private Due() {}

    /** "due in …" before {@code dueAt}, "overdue by …" from it on; empty without a due time. */
    public static String text(Long dueAt, long now) {
        if (dueAt == null) {
            return "";
        }
        return dueAt > now ? "due in " + span(dueAt - now) : "overdue by " + span(now - dueAt);
    }

    public static boolean isOverdue(Long dueAt, long now) {
        return dueAt != null && dueAt <= now;
    }

    /** Two units at most, rounded down: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
    public static String span(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
        }
        return d.toDays() + " d" + (d.toHoursPart() == 0 ? "" : " " + d.toHoursPart() + " h");
    }

    /** {@code 2026-12-01 14:05:09 UTC}: the absolute time next to a relative one. */
    public static String when(long epochMillis) {
        return Times.iso(epochMillis).replace('T', ' ').substring(0, 19) + " UTC";
    }
}
