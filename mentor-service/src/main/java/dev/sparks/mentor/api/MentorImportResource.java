package dev.sparks.mentor.api;

import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.security.Caller;
import dev.sparks.common.security.Roles;
import dev.sparks.mentor.domain.ImportReport;
import dev.sparks.mentor.domain.ImportRow;
import dev.sparks.mentor.domain.MentorImport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The HR system's bulk upsert of mentor profiles, as JSON or CSV. */
@Path("/mentor-imports")
@Tag(name = "Mentor imports", description = "HR bulk import of mentor profiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HR_INTEGRATION, Roles.PROGRAM_ADMIN})
@APIResponse(responseCode = "200", description = "Every row's outcome (CREATED, UPDATED, UNCHANGED or REJECTED with"
        + " reasons) and the counts; rejected rows do not stop the others",
        headers = @Header(name = "Idempotent-Replayed", description = "true when this is the stored answer of an"
                + " earlier request with the same Idempotency-Key",
                schema = @Schema(type = SchemaType.BOOLEAN, examples = "true")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ImportReport.class)))
@APIResponse(responseCode = "400", description = "The body is not JSON/CSV of profiles, or the CSV header is wrong")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Only hr-integration and program-admin import")
@APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running, or a"
        + " concurrent change took an external id or email (send again)")
@APIResponse(responseCode = "413", description = "More than 5,000 profiles, or a body over the size limit")
@APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different body")
public class MentorImportResource {

    static final String CSV = "text/csv";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String IDEMPOTENCY_KEY = "Optional, up to 200 characters. A retry with the same key and body gets"
            + " the first answer (header Idempotent-Replayed: true) without applying anything again; kept 24 h.";

    private final MentorImport imports;
    private final ImportRowsReader reader;
    private final Caller caller;

    public MentorImportResource(MentorImport imports, ImportRowsReader reader, Caller caller) {
        this.imports = imports;
        this.reader = reader;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importMentorsJson", summary = "Upsert up to 5,000 mentor profiles from JSON",
            description = "Roles hr-integration, program-admin. Body {\"mentors\": [MentorRequest, ...]} or a bare"
                    + " array. Upserts by externalId, one transaction per batch of 500 rows; a created or updated"
                    + " mentor emits one mentor.profile-changed.v1, an unchanged one nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MentorRequest[].class)))
    public Response importJson(String body, @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String key) {
        return run(reader.fromJson(body), key, MediaType.APPLICATION_JSON, body);
    }

    @POST
    @Consumes(CSV)
    @Operation(operationId = "importMentorsCsv", summary = "Upsert up to 5,000 mentor profiles from CSV",
            description = "Roles hr-integration, program-admin. RFC 4180 CSV with a header row: externalId, name,"
                    + " email, field, seniority, languages, timeZone, bio, offerings, capacity, availability,"
                    + " pausedUntil, exclusions and strength.<TRAIT> columns; multi-valued cells separated by ';'.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response importCsv(String body, @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String key) {
        return run(reader.fromCsv(body), key, CSV, body);
    }

    private Response run(List<ImportRow> rows, String key, String mediaType, String body) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        MentorImport.Answer answer = imports.run(rows, caller.subject(), key, hash(mediaType, body));
        Response.ResponseBuilder response = Response.ok(answer.json(), MediaType.APPLICATION_JSON);
        if (answer.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    private static String hash(String mediaType, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mediaType.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
