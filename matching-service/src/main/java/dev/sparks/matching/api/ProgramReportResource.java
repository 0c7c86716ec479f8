package dev.sparks.matching.api;

import dev.sparks.common.security.Roles;
import dev.sparks.matching.report.ProgramReport;
import dev.sparks.matching.report.ProgramReportCsv;
import dev.sparks.matching.report.ProgramReports;
import dev.sparks.matching.report.ReportFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The program report for program admins and HR systems, as JSON or, with {@code Accept: text/csv}, as CSV. */
@Path("/reports/program")
@Tag(name = "Reports")
public class ProgramReportResource {

    private static final MediaType CSV = MediaType.valueOf(ProgramReportCsv.MEDIA_TYPE);

    private final ProgramReports reports;

    public ProgramReportResource(ProgramReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ProgramReportCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.HR_INTEGRATION})
    @Operation(operationId = "getProgramReport", summary = "The program report: funnel, conversion, speed, "
            + "mentor capacity, scores and where mentors are missing",
            description = "Participants by current status (invited to assess, in progress, completed, matched, "
                    + "waiting, accepted, declined); match and acceptance rates; median times from completion to "
                    + "the first invitation and to the first acceptance; mentor utilisation overall and per field; "
                    + "average scores per dimension side and behaviour; and per trait the growth-area demand "
                    + "against mentors strong in it with free places, biggest shortfall first. The date range "
                    + "(whole UTC days, both ends inclusive) filters each status on the time the participant "
                    + "entered it and every other participant figure on the participant's first completion; "
                    + "mentor figures are current and unfiltered. department (repeatable) keeps participants of "
                    + "those departments. Accept: text/csv answers one long CSV table (section, subject, measure, "
                    + "value).")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramReport.class),
                    examples = @ExampleObject(name = "march", summary = "March for the Finance department",
                            value = JSON_EXAMPLE)),
            @Content(mediaType = ProgramReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "march", summary = "The start of the same report as CSV",
                            value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "406", description = "The Accept header names neither application/json nor text/csv")
    public Response report(
            @QueryParam("from") @Parameter(description = "First day covered (UTC, inclusive), e.g. 2026-03-01; "
                    + "open when absent", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day covered (UTC, inclusive), e.g. 2026-03-31; not "
                    + "before from; open when absent", schema = @Schema(type = SchemaType.STRING, format = "date"))
            String to,
            @QueryParam("department") @Parameter(description = "A department as HR sends it (exact, repeatable: "
                    + "any of them); every participant when absent") List<String> department,
            @Context HttpHeaders headers) {
        ProgramReport report = reports.report(ReportFilter.parse(from, to, department));
        if (wantsCsv(headers)) {
            return Response.ok(ProgramReportCsv.write(report), CSV)
                    .header("Content-Disposition", "attachment; filename=\"program-report.csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first acceptable type this operation serves decides; a wildcard (or no Accept) gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    static final String JSON_EXAMPLE = """
            {"generatedAt": "2026-04-02T08:00:00Z",
             "filters": {"from": "2026-03-01", "to": "2026-03-31", "departments": ["Finance"]},
             "participants": {"total": 20, "invitedToAssess": 3, "inProgress": 4, "completed": 1, "matched": 3,
               "waiting": 2, "accepted": 6, "declined": 1},
             "conversion": {"completed": 13, "matched": 11, "accepted": 6, "matchRate": 0.8462,
               "acceptanceRate": 0.5455},
             "timeToInvitation": {"participants": 10, "medianSeconds": 129600, "median": "PT36H"},
             "timeToAcceptance": {"participants": 6, "medianSeconds": 302400, "median": "PT84H"},
             "mentorUtilisation": {
               "overall": {"field": null, "mentors": 9, "capacity": 20, "reserved": 15, "atCapacity": 5,
                 "utilisation": 0.75},
               "byField": [
                 {"field": "BUSINESS", "mentors": 4, "capacity": 8, "reserved": 8, "atCapacity": 4, "utilisation": 1.0},
                 {"field": "TECHNOLOGY", "mentors": 5, "capacity": 12, "reserved": 7, "atCapacity": 1,
                   "utilisation": 0.5833}]},
             "scores": {"participants": 13,
               "dimensions": [{"dimension": "FOCUS_AND_VISION", "management": 64.38, "leadership": 51.92}],
               "behaviours": [{"behaviour": "SPEAK_UP", "average": 47.15}]},
             "growthAreas": [
               {"trait": "DEVELOPING_PEOPLE_LEADERSHIP", "demand": 7, "unmetDemand": 3, "strongMentors": 1,
                 "strongMentorsWithFreeCapacity": 0, "freePlaces": 0, "gap": 3},
               {"trait": "SPEAK_UP", "demand": 9, "unmetDemand": 3, "strongMentors": 4,
                 "strongMentorsWithFreeCapacity": 2, "freePlaces": 2, "gap": 1}]}
            """;

    static final String CSV_EXAMPLE = """
            section,subject,measure,value
            filter,from,date,2026-03-01
            filter,to,date,2026-03-31
            filter,department,name,Finance
            participants,total,participants,20
            participants,invitedToAssess,participants,3
            conversion,matchRate,ratio,0.8462
            timeToInvitation,median,seconds,129600
            mentorUtilisation,all,utilisation,0.75
            scores,SPEAK_UP,average,47.15
            growthArea,DEVELOPING_PEOPLE_LEADERSHIP,gap,3
            """;
}
