package dev.reviewgate.notification;

import dev.reviewgate.form.FormNotify;
import dev.reviewgate.webhook.EventPlanner;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who an event concerns: the review it is about, its form's notification settings, and the people
 * to tell (the assignees and the members of assigned groups, or with nobody assigned those who
 * asked to hear of unassigned reviews). The form and the people are looked up once, and only if a route asks.
 */
public final class Audience {

    private final EventPlanner.Subject subject;
    private final Supplier<FormNotify> formLookup;
    private final Supplier<List<Recipient>> lookup;
    private FormNotify form;
    private List<Recipient> people;

    public Audience(EventPlanner.Subject subject, Supplier<FormNotify> form, Supplier<List<Recipient>> people) {
        this.subject = subject;
        this.formLookup = form;
        this.lookup = people;
    }

    public EventPlanner.Subject subject() {
        return subject;
    }

    public FormNotify form() {
        if (form == null) {
            form = formLookup.get();
        }
        return form;
    }

    public List<Recipient> people() {
        if (people == null) {
            people = List.copyOf(lookup.get());
        }
        return people;
    }
}
