package dev.reviewgate.ui.settings;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.db.Database;
import dev.reviewgate.notification.PreferenceRepository;
import dev.reviewgate.notification.Preferences;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Map;

/** {@code /settings/notifications}: each signed-in person chooses the channels they are told through. */
public final class PreferencesRoutes {

    static final String UPDATED = "notification.preferences.updated";

    private final Database database;
    private final PreferenceRepository preferences;
    private final Pages pages;
    private final InstantSource clock;

    public PreferencesRoutes(Database database, PreferenceRepository preferences, Pages pages, InstantSource clock) {
        this.database = database;
        this.preferences = preferences;
        this.pages = pages;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get("/settings/notifications", ctx -> show(ctx, ""));
        r.post("/settings/notifications", this::save);
    }

    private void show(Context ctx, String message) {
        WebUser user = WebSessions.user(ctx);
        Preferences p = database.read(h -> preferences.find(h, user.accountId(), user.userId()));
        pages.render(ctx, "preferences.jte", Map.of("user", user, "prefs", p, "message", message));
    }

    private void save(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Preferences p =
                new Preferences(checked(ctx, "email"), checked(ctx, "slackDm"), checked(ctx, "notifyUnassigned"));
        long now = clock.millis();
        database.write(h -> {
            preferences.save(h, user.accountId(), user.userId(), p, now);
            Audit.record(
                    h,
                    now,
                    AuditEvent.of(user.accountId(), UPDATED)
                            .with("userId", user.userId())
                            .with("email", p.email())
                            .with("slackDm", p.slackDm())
                            .with("notifyUnassigned", p.notifyUnassigned()));
            return null;
        });
        show(ctx, "Saved.");
    }

    private static boolean checked(Context ctx, String name) {
        return "on".equals(ctx.formParam(name));
    }
}
