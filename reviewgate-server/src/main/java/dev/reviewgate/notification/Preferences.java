package dev.reviewgate.notification;

/**
 * A user's notification channels.
 *
 * @param email            e-mail me the reviews I should look at
 * @param slackDm          send them to me in Slack too (as a direct message)
 * @param notifyUnassigned also tell me of reviews assigned to nobody
 */
public record Preferences(boolean email, boolean slackDm, boolean notifyUnassigned) {

    public static final Preferences DEFAULT = new Preferences(true, false, false);
}
