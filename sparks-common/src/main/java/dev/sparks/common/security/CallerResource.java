package dev.sparks.common.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service tells a caller who the token says they are; front-ends use it to show the right screens. */
@Path("/me")
@Tag(name = "Caller")
public class CallerResource {

    /** The caller as the platform sees them. */
    public record CallerView(
            @Schema(description = "The token's subject (sub)", examples = "5b8e2f0c-3d1a-4c7e-9f26-8a4b1d6e0c73")
            String subject,
            @Schema(examples = "ada") String username,
            @Schema(examples = "Ada Okafor") String name,
            @Schema(examples = "ada@sparks.test") String email,
            @Schema(description = "Realm roles", examples = "[\"participant\"]") Set<String> roles) {
    }

    private final Caller caller;

    public CallerResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCaller", summary = "Who the bearer token belongs to",
            description = "The token's subject, name, email and realm roles.")
    public CallerView me() {
        return new CallerView(caller.subject(), caller.username(), caller.name(), caller.email(), caller.roles());
    }
}
