package dev.reviewgate.email;

import dev.reviewgate.notification.Audience;
import dev.reviewgate.notification.Destination;
import dev.reviewgate.notification.Recipient;
import dev.reviewgate.notification.Route;
import dev.reviewgate.webhook.DeliveryChannel;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** E-mail goes to each person who keeps e-mail on, when the form allows it and the account has a server. */
public final class EmailRoute implements Route {

    private final SmtpServers servers;

    public EmailRoute(SmtpServers servers) {
        this.servers = servers;
    }

    @Override
    public List<Destination> destinations(Handle h, Audience audience) {
        if (!servers.available(h, audience.subject().accountId())
                || !audience.form().email()) {
            return List.of();
        }
        return audience.people().stream()
                .filter(r -> r.preferences().email())
                .map(EmailRoute::destination)
                .toList();
    }

    private static Destination destination(Recipient r) {
        return new Destination(DeliveryChannel.EMAIL, "mailto:" + r.email(), r.userId());
    }
}
