package dev.sparks.matching.api;

import dev.sparks.common.security.Roles;
import dev.sparks.matching.domain.ProgramMode;
import dev.sparks.matching.domain.ProgramSettings;
import dev.sparks.matching.runs.ModeSwitch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The program's matching mode (immediate or cohort) and its next scheduled cohort run. */
@Path("/program-settings")
@Tag(name = "Matching runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROGRAM_ADMIN)
public class ProgramSettingsResource {

    /**
     * @param nextRunAt cohort mode only: when the scheduler starts a run (then cleared)
     * @param objective of the scheduled run, best-score (default) or most-participation
     * @param threshold of a best-score scheduled run, 0-100
     */
    @Schema(name = "ProgramSettingsChange")
    public record SettingsBody(@NotNull @Schema(examples = "COHORT") ProgramMode mode, Instant nextRunAt,
            @Pattern(regexp = "best-score|most-participation", message = "must be best-score or most-participation")
            @Schema(enumeration = {"best-score", "most-participation"}, examples = "best-score") String objective,
            @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100")
            @Schema(examples = "50") Integer threshold) {
    }

    @Schema(name = "ProgramSettings")
    public record SettingsView(@Schema(examples = "COHORT") ProgramMode mode, Instant nextRunAt,
            @Schema(examples = "best-score") String objective,
            @Schema(examples = "50") int threshold, Instant updatedAt, @Schema(examples = "priya") String updatedBy) {

        static SettingsView of(ProgramSettings settings) {
            return new SettingsView(settings.mode(), settings.nextRunAt(), settings.objective(), settings.threshold(),
                    settings.updatedAt(), settings.updatedBy());
        }
    }

    private final ModeSwitch modes;
    private final CurrentActor actor;

    public ProgramSettingsResource(ModeSwitch modes, CurrentActor actor) {
        this.modes = modes;
        this.actor = actor;
    }

    @GET
    @Operation(operationId = "getProgramSettings", summary = "The program's matching mode",
            description = "Only a program-admin. IMMEDIATE proposes a mentor as soon as an assessment is completed; "
                    + "COHORT collects completed assessments in the cohort pool for a matching run.")
    @APIResponse(responseCode = "200", description = "The settings")
    public SettingsView get() {
        return SettingsView.of(modes.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeProgramSettings", summary = "Switch the matching mode, schedule a cohort run",
            description = "Only a program-admin. Switching to COHORT moves waiting participants into the cohort pool; "
                    + "switching to IMMEDIATE moves the pool to the waiting list, where they are matched first come, "
                    + "first served.")
    @APIResponse(responseCode = "200", description = "The new settings")
    @APIResponse(responseCode = "422", description = "A scheduled run in immediate mode")
    public SettingsView put(@NotNull @Valid SettingsBody body) {
        return SettingsView.of(modes.change(body.mode(), body.nextRunAt(), body.objective(), body.threshold(),
                actor.get().name()));
    }
}
