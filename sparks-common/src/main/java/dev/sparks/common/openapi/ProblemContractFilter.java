package dev.sparks.common.openapi;

import dev.sparks.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes every service's OpenAPI document state the error contract the same way, so no resource has to repeat it:
 * every 4xx/5xx answer is {@code application/problem+json} with the shared {@link Problem} schema, secured
 * operations document 401 (and 403 where roles apply) and name their roles in the description, operations with
 * input document 400, and every operation documents 500. Responses are sorted by status so the committed
 * documents diff cleanly.
 *
 * <p>Runs at build time, after Quarkus added the security requirements from {@code @RolesAllowed} and
 * {@code @Authenticated}, so the document Quarkus stores ({@code target/openapi}) and the one it serves agree.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Map<String, String> STANDARD = Map.of(
            "400", "The request is malformed or invalid: unknown or invalid fields are listed in errors",
            "401", "No bearer token, or one the OIDC provider did not sign or that expired",
            "403", "The token's roles do not allow this operation",
            "500", "Unexpected failure; the body never carries internal details");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ensureProblemSchema(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<SecurityRequirement> global = openAPI.getSecurity();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                complete(item, operation, global);
            }
        }
    }

    private static void complete(PathItem item, Operation operation, List<SecurityRequirement> global) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        boolean secured = security != null && !security.isEmpty();
        Set<String> roles = new LinkedHashSet<>();
        if (secured) {
            security.forEach(requirement -> requirement.getSchemes().values().forEach(roles::addAll));
            operation.setDescription(withRoles(operation.getDescription(), roles));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, APIResponse> responses = new TreeMap<>(Comparator.naturalOrder());
        if (operation.getResponses().getAPIResponses() != null) {
            responses.putAll(operation.getResponses().getAPIResponses());
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (hasInput) {
            responses.putIfAbsent("400", standard("400"));
        }
        if (secured) {
            responses.putIfAbsent("401", standard("401"));
            if (!roles.isEmpty()) {
                responses.putIfAbsent("403", standard("403"));
            }
        }
        responses.putIfAbsent("500", standard("500"));
        responses.forEach((status, response) -> {
            if (isError(status)) {
                asProblem(response);
            }
        });
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(responses));
    }

    /** States the roles once, in the same words everywhere, unless the author already named every one. */
    static String withRoles(String description, Set<String> roles) {
        String text = description == null ? "" : description.trim();
        String sentence = roles.isEmpty()
                ? "Requires a bearer token (any role)."
                : "Requires a bearer token with role " + String.join(" or ", roles) + ".";
        if (text.contains(sentence)) {
            return text;
        }
        return text.isEmpty() ? sentence : text + (text.endsWith(".") ? " " : ". ") + sentence;
    }

    private static boolean isError(String status) {
        return !status.isEmpty() && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static APIResponse standard(String status) {
        return OASFactory.createAPIResponse().description(STANDARD.get(status));
    }

    /**
     * An error answer without content, or with the Problem schema under another media type, becomes
     * problem+json. Error pages of HTML operations (text/html content) stay as their authors described them.
     */
    private static void asProblem(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            response.setContent(problemContent());
            return;
        }
        if (content.hasMediaType(Problem.MEDIA_TYPE)) {
            return;
        }
        MediaType json = content.getMediaType("application/json");
        if (json != null && (json.getSchema() == null || PROBLEM_REF.equals(json.getSchema().getRef()))) {
            content.removeMediaType("application/json");
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problemRef()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problemRef()));
    }

    private static Schema problemRef() {
        return OASFactory.createSchema().ref(PROBLEM_REF);
    }

    /** The one Problem schema (RFC 9457), with an example, whether or not a resource referred to it. */
    private static void ensureProblemSchema(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        Schema fieldError = OASFactory.createSchema()
                .description("One invalid field: its path in the request and what is wrong with it")
                .addType(SchemaType.OBJECT)
                .addProperty("field", string("Path of the field in the request", "rows[3].email"))
                .addProperty("message", string("What is wrong", "must be a valid email address"));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://sparks.dev/problems/validation-failed");
        example.put("title", "Validation failed");
        example.put("status", 400);
        example.put("detail", "1 field is invalid");
        example.put("instance", "/api/v1/mentors");
        example.put("errors", List.of(Map.of("field", "capacity", "message", "must be at most 10")));
        Schema problem = OASFactory.createSchema()
                .description("RFC 9457 problem details, the body of every error answer of every Sparks service")
                .addType(SchemaType.OBJECT)
                .required(new ArrayList<>(List.of("type", "title", "status")))
                .addProperty("type", string("URI naming the kind of problem", null).format("uri"))
                .addProperty("title", string("Short summary of the kind of problem", null))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong this time, for a person", null))
                .addProperty("instance", string("The request path the problem occurred at", null))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("For validation problems: one entry per invalid field")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .examples(new ArrayList<>(List.of(example)));
        components.addSchema(FIELD_ERROR, fieldError);
        components.addSchema(PROBLEM, problem);
    }

    private static Schema string(String description, String example) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING).description(description);
        return example == null ? schema : schema.examples(new ArrayList<>(List.of(example)));
    }
}
