package dev.sparks.mentor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import dev.sparks.common.problem.Problem.FieldError;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.problem.ProblemType;
import dev.sparks.common.security.Caller;
import dev.sparks.common.security.Roles;
import dev.sparks.mentor.config.MentorConfig;
import dev.sparks.mentor.domain.Editor;
import dev.sparks.mentor.domain.Mentor;
import dev.sparks.mentor.domain.MentorProfiles;
import dev.sparks.mentor.domain.MentorRepository;
import dev.sparks.mentor.domain.MentorSearch;
import dev.sparks.mentor.domain.ProfileDraft;
import dev.sparks.mentor.domain.ProfileNormaliser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Mentor profiles: create, read, list, edit (PUT or merge PATCH), retire, and a mentor's own availability. */
@Path("/mentors")
@Tag(name = "Mentors", description = "Mentor profiles, capacity and availability")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role does not allow this")
public class MentorResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final MentorProfiles profiles;
    private final Caller caller;
    private final Validator validator;
    private final ObjectMapper json;
    private final MentorConfig config;

    public MentorResource(MentorProfiles profiles, Caller caller, Validator validator, ObjectMapper json,
            MentorConfig config) {
        this.profiles = profiles;
        this.caller = caller;
        this.validator = validator;
        this.json = json;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(operationId = "createMentor", summary = "Create a mentor profile",
            description = "Role program-admin. Emits mentor.profile-changed.v1 (version 0).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new profile",
            headers = @Header(name = "ETag", description = "The profile's version", schema = @Schema(
                    type = SchemaType.STRING, examples = "\"0\"")),
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "409", description = "The externalId or email belongs to another mentor")
    public Response create(@Valid @NotNull MentorRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Mentor mentor = profiles.create(request.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(mentor.id.toString()).build())
                .tag(ETags.of(mentor.version))
                .entity(MentorView.full(mentor, profiles.today()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.HR_INTEGRATION, Roles.MENTOR, Roles.PARTICIPANT})
    @Operation(operationId = "getMentor", summary = "Read a mentor profile",
            description = "Any role. program-admin, hr-integration and the mentor themselves see the whole profile;"
                    + " other callers see the public view without externalId, email and exclusions.")
    @APIResponse(responseCode = "200", description = "The profile; ETag is its version",
            headers = @Header(name = "ETag", description = "The profile's version", schema = @Schema(
                    type = SchemaType.STRING, examples = "\"3\"")),
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "404", description = "No such mentor")
    public Response get(@PathParam("id") UUID id) {
        Mentor mentor = profiles.get(id);
        return Response.ok(view(mentor)).tag(ETags.of(mentor.version)).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.HR_INTEGRATION, Roles.MENTOR})
    @Operation(operationId = "listMentors", summary = "List mentors, filtered and paged",
            description = "Roles program-admin, hr-integration (whole profiles) and mentor (public views). Sorted by"
                    + " name (case-insensitive), then id; retired mentors only with includeRetired=true.")
    @APIResponse(responseCode = "200", description = "One page of mentors")
    @APIResponse(responseCode = "400", description = "A filter is invalid")
    public Page<MentorView> list(
            @Parameter(description = "TRAIT or TRAIT:minLevel (default minimum 4); repeat to require several",
                    example = "APPROACH_TO_CHANGE_LEADERSHIP:4")
            @QueryParam("strength") List<String> strength,
            @Parameter(description = "A leadership behaviour the mentor models (level 4 or more); repeatable",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"TAKE_INITIATIVE", "SPEAK_UP",
                            "SUPPORT_OTHERS", "STAY_COMPOSED", "TAKE_SMART_RISKS", "MODEL_LEADERSHIP"}))
            @QueryParam("behaviour") List<String> behaviour,
            @Parameter(description = "What the mentor offers; repeat to require several")
            @QueryParam("offering") List<String> offering,
            @QueryParam("field") String field,
            @Parameter(description = "ISO 639-1 code the mentor speaks")
            @QueryParam("language") String language,
            @Parameter(description = "true: taking mentees today; false: paused or retired")
            @QueryParam("accepting") Boolean accepting,
            @Parameter(description = "Admins and HR only: the mentor with this email")
            @QueryParam("email") String email,
            @QueryParam("includeRetired") boolean includeRetired,
            @BeanParam @Valid PageRequest paging) {
        boolean full = seesEverything();
        List<FieldError> errors = new ArrayList<>();
        Map<Trait, Integer> strengths = new LinkedHashMap<>();
        for (String filter : strength) {
            strengthFilter(filter, strengths, errors);
        }
        for (String name : behaviour) {
            Trait trait = ProfileNormaliser.trait(name);
            if (trait == null || !trait.isBehaviour()) {
                errors.add(new FieldError("behaviour", "'" + name + "' is not a leadership behaviour"));
            } else {
                strengths.merge(trait, config.defaultStrengthFilterLevel(), Math::max);
            }
        }
        List<Goal> goals = new ArrayList<>();
        for (String name : offering) {
            Goal goal = enumValue(Goal.class, name);
            if (goal == null) {
                errors.add(new FieldError("offering", "'" + name + "' is not an offering"));
            } else {
                goals.add(goal);
            }
        }
        Field fieldFilter = null;
        if (field != null) {
            fieldFilter = enumValue(Field.class, field);
            if (fieldFilter == null) {
                errors.add(new FieldError("field", "'" + field + "' is not a field"));
            }
        }
        String languageFilter = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (languageFilter != null && !Set.of(Locale.getISOLanguages()).contains(languageFilter)) {
            errors.add(new FieldError("language", "must be an ISO 639-1 code such as en"));
        }
        if (email != null && !full) {
            errors.add(new FieldError("email", "only program-admin and hr-integration may filter by email"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate today = profiles.today();
        MentorSearch search = new MentorSearch(strengths, goals, fieldFilter, languageFilter, accepting,
                includeRetired, ProfileNormaliser.email(email), today);
        MentorRepository.SearchPage found = profiles.search(search, paging.offset(), paging.size);
        List<MentorView> items = found.items().stream()
                .map(m -> full ? MentorView.full(m, today) : MentorView.publicView(m, today)).toList();
        return new Page<>(items, paging.page, paging.size, found.total());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.MENTOR})
    @Operation(operationId = "replaceMentor", summary = "Replace a mentor profile",
            description = "program-admin, or the mentor whose email is the token's (who may not change externalId"
                    + " or email). If-Match is optional; when given it must name the current version. An absent"
                    + " availability keeps the current one. A retired mentor is reactivated only by a program-admin"
                    + " giving availability ACCEPTING or PAUSED. Emits mentor.profile-changed.v1 when anything changed.")
    @APIResponse(responseCode = "200", description = "The stored profile; ETag is its new version",
            headers = @Header(name = "ETag", description = "The profile's version", schema = @Schema(
                    type = SchemaType.STRING, examples = "\"3\"")),
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "404", description = "No such mentor")
    @APIResponse(responseCode = "409", description = "If-Match is stale, the mentor is retired, or the externalId"
            + " or email belongs to another mentor")
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull MentorRequest request,
            @Parameter(description = "The ETag read before, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        Mentor mentor = profiles.replace(id, request.toDraft(), ETags.expectedVersion(ifMatch), editor());
        return Response.ok(MentorView.full(mentor, profiles.today())).tag(ETags.of(mentor.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.MENTOR})
    @Operation(operationId = "patchMentor", summary = "Change some fields of a mentor profile (JSON Merge Patch)",
            description = "RFC 7396 merge patch (application/merge-patch+json) applied to the current profile; the"
                    + " result is validated as a whole. Same roles and rules as PUT. Without If-Match the patch"
                    + " applies only to the version it was merged with. Send pausedUntil together with"
                    + " availability PAUSED.")
    @APIResponse(responseCode = "200", description = "The stored profile; ETag is its new version",
            headers = @Header(name = "ETag", description = "The profile's version", schema = @Schema(
                    type = SchemaType.STRING, examples = "\"3\"")),
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "400", description = "The patch or the patched profile is invalid")
    @APIResponse(responseCode = "404", description = "No such mentor")
    @APIResponse(responseCode = "409", description = "If-Match is stale, or the profile changed meanwhile")
    public Response patch(@PathParam("id") UUID id,
            @Schema(implementation = Object.class, description = "Fields of MentorRequest to change; null removes")
            String patch,
            @Parameter(description = "The ETag read before, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        JsonNode patchNode;
        try {
            patchNode = json.readTree(patch == null ? "" : patch);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON");
        }
        if (patchNode == null || !patchNode.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (a merge patch)");
        }
        Long expected = ETags.expectedVersion(ifMatch);
        Mentor current = profiles.get(id);
        if (!editor().mayEdit(current)) {
            throw ProblemException.forbidden("A mentor may edit only their own profile");
        }
        MentorRequest base = MentorRequest.of(ProfileDraft.of(current.profile()));
        MentorRequest patched;
        try {
            patched = json.treeToValue(MergePatch.apply(json.valueToTree(base), patchNode), MentorRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown
                    ? unknown.getPropertyName() : "body";
            throw ProblemException.invalid(field, field.equals("body") ? "the patched profile cannot be read"
                    : "is not a known field");
        }
        Set<ConstraintViolation<MentorRequest>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Mentor mentor = profiles.replace(id, patched.toDraft(), expected == null ? current.version : expected,
                editor());
        return Response.ok(MentorView.full(mentor, profiles.today())).tag(ETags.of(mentor.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(operationId = "retireMentor", summary = "Retire a mentor",
            description = "Role program-admin. The profile is kept for history with availability RETIRED and is never"
                    + " matched again; it emits mentor.profile-changed.v1 with retired=true. Retiring a retired"
                    + " mentor changes nothing.")
    @APIResponse(responseCode = "200", description = "The retired profile",
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "404", description = "No such mentor")
    @APIResponse(responseCode = "409", description = "If-Match is stale")
    public Response retire(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Mentor mentor = profiles.retire(id, ETags.expectedVersion(ifMatch));
        return Response.ok(MentorView.full(mentor, profiles.today())).tag(ETags.of(mentor.version)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MENTOR)
    @Operation(operationId = "getOwnMentorProfile", summary = "The caller's own mentor profile",
            description = "Role mentor; the profile whose email is the token's.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "404", description = "No profile has the token's email")
    public Response me() {
        Mentor mentor = profiles.own(caller.email());
        return Response.ok(MentorView.full(mentor, profiles.today())).tag(ETags.of(mentor.version)).build();
    }

    @PUT
    @Path("/me/availability")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MENTOR)
    @Operation(operationId = "setOwnAvailability", summary = "Pause or resume yourself as a mentor",
            description = "Role mentor. PAUSED (optionally until a date: accepting again from that date, UTC) or"
                    + " ACCEPTING. Emits mentor.profile-changed.v1 when it changes anything.")
    @APIResponse(responseCode = "200", description = "The profile with its new availability",
            content = @Content(schema = @Schema(implementation = MentorView.class)))
    @APIResponse(responseCode = "400", description = "Invalid availability or date")
    @APIResponse(responseCode = "404", description = "No profile has the token's email")
    @APIResponse(responseCode = "409", description = "If-Match is stale, or the profile is retired")
    public Response setOwnAvailability(@Valid @NotNull AvailabilityRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        Mentor mentor = profiles.setOwnAvailability(caller.email(), request.availability(), request.pausedUntil(),
                ETags.expectedVersion(ifMatch));
        return Response.ok(MentorView.full(mentor, profiles.today())).tag(ETags.of(mentor.version)).build();
    }

    private MentorView view(Mentor mentor) {
        boolean own = caller.email() != null && caller.email().equals(mentor.email);
        return seesEverything() || own ? MentorView.full(mentor, profiles.today())
                : MentorView.publicView(mentor, profiles.today());
    }

    private boolean seesEverything() {
        return caller.hasRole(Roles.PROGRAM_ADMIN) || caller.hasRole(Roles.HR_INTEGRATION);
    }

    private Editor editor() {
        return new Editor(caller.hasRole(Roles.PROGRAM_ADMIN), caller.email());
    }

    private void strengthFilter(String filter, Map<Trait, Integer> strengths, List<FieldError> errors) {
        String[] parts = filter.split(":", 2);
        Trait trait = ProfileNormaliser.trait(parts[0]);
        if (trait == null) {
            errors.add(new FieldError("strength", "'" + parts[0] + "' is not a trait"));
            return;
        }
        int level = config.defaultStrengthFilterLevel();
        if (parts.length == 2) {
            try {
                level = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                level = -1;
            }
            if (level < ProfileNormaliser.MIN_LEVEL || level > ProfileNormaliser.MAX_LEVEL) {
                errors.add(new FieldError("strength", "the level in '" + filter + "' must be 1 to 5"));
                return;
            }
        }
        strengths.merge(trait, level, Math::max);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
