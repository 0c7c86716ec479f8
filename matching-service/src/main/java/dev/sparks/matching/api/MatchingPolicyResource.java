package dev.sparks.matching.api;

import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.security.Roles;
import dev.sparks.matching.domain.MatchingPolicies;
import dev.sparks.matching.domain.PolicyVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The matching policy: the weights of the score. Every PUT makes a new version (the ETag); every match records
 * the version that chose it.
 */
@Path("/matching-policy")
@Tag(name = "Matching policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROGRAM_ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a program-admin")
public class MatchingPolicyResource {

    /**
     * The weights: growth fit, goal coverage and practical fit are points and sum to 100; language, time-zone and
     * field shares split practical fit in percent and sum to 100; loadBalancing and minimumScore are 0-100.
     */
    public record PolicyBody(@NotNull @Schema(examples = "60") Integer growthFitWeight,
            @NotNull @Schema(examples = "20") Integer goalCoverageWeight,
            @NotNull @Schema(examples = "20") Integer practicalFitWeight,
            @NotNull @Schema(examples = "50") Integer languageShare,
            @NotNull @Schema(examples = "30") Integer timeZoneShare,
            @NotNull @Schema(examples = "20") Integer fieldShare,
            @NotNull @Schema(examples = "30") Integer loadBalancing,
            @NotNull @Schema(examples = "40") Integer minimumScore) {
    }

    public record PolicyView(
            @Schema(description = "The policy version (the ETag)", examples = "4") long version,
            @Schema(examples = "60") int growthFitWeight,
            @Schema(examples = "20") int goalCoverageWeight,
            @Schema(examples = "20") int practicalFitWeight,
            @Schema(examples = "50") int languageShare,
            @Schema(examples = "30") int timeZoneShare,
            @Schema(examples = "20") int fieldShare,
            @Schema(examples = "30") int loadBalancing,
            @Schema(examples = "40") int minimumScore,
            Instant createdAt,
            @Schema(examples = "priya") String createdBy) {

        static PolicyView of(PolicyVersion policy) {
            PolicyVersion.Weights w = policy.weights;
            return new PolicyView(policy.version, w.growthFitWeight(), w.goalCoverageWeight(),
                    w.practicalFitWeight(), w.languageShare(), w.timeZoneShare(), w.fieldShare(), w.loadBalancing(),
                    w.minimumScore(), policy.createdAt, policy.createdBy);
        }
    }

    private final MatchingPolicies policies;
    private final CurrentActor actor;

    public MatchingPolicyResource(MatchingPolicies policies, CurrentActor actor) {
        this.policies = policies;
        this.actor = actor;
    }

    @GET
    @Operation(operationId = "getMatchingPolicy", summary = "The current matching policy",
            description = "The weights of the score; the ETag is the policy version every new match records.")
    @APIResponse(responseCode = "200", description = "The current policy; ETag is its version",
            headers = @Header(name = "ETag", description = "The policy version",
                    schema = @Schema(type = SchemaType.STRING, examples = "\"4\"")),
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    public Response get() {
        PolicyVersion current = policies.current();
        return Response.ok(PolicyView.of(current)).tag(etag(current)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMatchingPolicy", summary = "Make a new version of the matching policy",
            description = "Optional If-Match with the current ETag guards against overwriting a concurrent change.")
    @APIResponse(responseCode = "200", description = "The new policy version; ETag is its version",
            headers = @Header(name = "ETag", description = "The policy version",
                    schema = @Schema(type = SchemaType.STRING, examples = "\"4\"")),
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "The weights are invalid (field errors)")
    @APIResponse(responseCode = "409", description = "Changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Response put(@NotNull @Valid PolicyBody body, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(description = "Optional: the ETag of the policy this change is based on, e.g. \"3\"") String ifMatch) {
        PolicyVersion changed = policies.change(new PolicyVersion.Weights(body.growthFitWeight(),
                        body.goalCoverageWeight(), body.practicalFitWeight(), body.languageShare(), body.timeZoneShare(),
                        body.fieldShare(), body.loadBalancing(), body.minimumScore()),
                expectedVersion(ifMatch), actor.get().name());
        return Response.ok(PolicyView.of(changed)).tag(etag(changed)).build();
    }

    private static EntityTag etag(PolicyVersion policy) {
        return new EntityTag(Long.toString(policy.version));
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag of the current policy, e.g. \"3\"");
        }
    }
}
