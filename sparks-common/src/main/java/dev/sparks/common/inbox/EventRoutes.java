package dev.sparks.common.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which handler applies which event type; types a consumer does not route are skipped. */
public final class EventRoutes {

    /** Applies one event inside the consumer's transaction. */
    @FunctionalInterface
    public interface Handler<T> {
        void apply(IncomingEvent event, T payload);
    }

    record Route<T>(Class<T> payloadType, Handler<T> handler) {
    }

    private final Map<String, Route<?>> routes = new HashMap<>();

    public static EventRoutes create() {
        return new EventRoutes();
    }

    public <T> EventRoutes on(String type, Class<T> payloadType, Handler<T> handler) {
        routes.put(type, new Route<>(payloadType, handler));
        return this;
    }

    Optional<Route<?>> route(String type) {
        return Optional.ofNullable(routes.get(type));
    }
}
