package dev.sparks.common.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem bodies for what fails before a REST resource is reached: bodies over the size limit (413),
 * paths no route serves (404), and any other failure of the HTTP layer. Never an HTML page or an empty body.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

    private final ObjectMapper json;
    private final Optional<MemorySize> maxBodySize;

    public HttpProblemRoutes(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.errorHandler(404, ctx -> write(ctx, ProblemType.NOT_FOUND, "No resource at this path"));
        maxBodySize.ifPresent(limit -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(ctx -> refuseDeclaredOverLimit(ctx, limit.asLongValue())));
    }

    /**
     * Quarkus answers a Content-Length over the limit with an empty 413 before any route; this runs just before it
     * and answers the same with a problem body. The body is never read, so the connection closes afterwards.
     */
    private void refuseDeclaredOverLimit(RoutingContext ctx, long limit) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> ctx.request().connection().close());
        write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than this endpoint accepts");
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
        if (status >= 500) {
            LOG.error("HTTP request failed", ctx.failure());
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 413 ? "The body is larger than this endpoint accepts" : type.title();
        write(ctx, type, detail);
    }

    private void write(RoutingContext ctx, ProblemType type, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, ctx.normalizedPath(), List.of());
        try {
            response.setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(body));
        } catch (Exception e) {
            response.setStatusCode(type.status()).end();
        }
    }
}
