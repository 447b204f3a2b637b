package dev.reviewgate.notification;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** One channel's part of planning: the destinations it sends an event's notification to. */
@FunctionalInterface
public interface Route {

    List<Destination> destinations(Handle h, Audience audience);
}
