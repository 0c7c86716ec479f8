package dev.sparks.matching.report;

import dev.sparks.common.model.Behaviour;
import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Trait;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The program at a glance for program admins and HR: where participants are, how well matching converts, how fast,
 * how full the mentors are, how the cohort scores, and which growth areas lack mentors. How each figure is
 * filtered is part of the contract (matching-service README, "Program report").
 */
@Schema(name = "ProgramReport")
public record ProgramReport(
        Instant generatedAt,
        Filters filters,
        @Schema(description = "Each participant counted once, in their current status, when the time they entered "
                + "it lies in the date range") Participants participants,
        @Schema(description = "Of the participants who first completed the assessment in the date range: how "
                + "many got a mentor proposed and how many accepted one") Conversion conversion,
        @Schema(description = "Of those participants: first completion to the first invitation email sent")
        TimeTo timeToInvitation,
        @Schema(description = "Of those participants: first completion to the first acceptance")
        TimeTo timeToAcceptance,
        @Schema(description = "Current, not filtered: mentors who are not retired") MentorUtilisation mentorUtilisation,
        @Schema(description = "Average scores of those participants' latest assessments") Scores scores,
        @Schema(description = "Every trait: growth-area demand of those participants against current mentor "
                + "supply, biggest shortfall first") List<GrowthAreaSupply> growthAreas) {

    /** The filters as applied; null dates are open ends, no departments means every participant. */
    @Schema(name = "ProgramReportFilters")
    public record Filters(@Schema(examples = "2026-03-01", nullable = true) LocalDate from,
            @Schema(examples = "2026-03-31", nullable = true) LocalDate to,
            @Schema(examples = "[\"Finance\"]") List<String> departments) {
    }

    @Schema(name = "ProgramReportParticipants")
    public record Participants(
            @Schema(description = "The sum of the statuses", examples = "42") long total,
            @Schema(description = "Registered, no assessment started; filtered on the registration time",
                    examples = "5") long invitedToAssess,
            @Schema(description = "An assessment started, none completed; filtered on the first start",
                    examples = "7") long inProgress,
            @Schema(description = "Completed, no current or accepted match and not waiting (e.g. in the cohort pool, "
                    + "or the proposal was withdrawn); filtered on the first completion", examples = "3")
            long completed,
            @Schema(description = "The latest match is proposed or invited, waiting for the participant's answer; "
                    + "filtered on its proposal time", examples = "6") long matched,
            @Schema(description = "On the waiting list: no mentor fits yet; filtered on the time they joined it",
                    examples = "4") long waiting,
            @Schema(description = "The latest match was accepted (also when it has ended since); filtered on the "
                    + "acceptance time", examples = "15") long accepted,
            @Schema(description = "The latest match was declined and no other is open (e.g. the manual queue after "
                    + "three declines); filtered on the decline time", examples = "2") long declined) {
    }

    @Schema(name = "ProgramReportConversion")
    public record Conversion(
            @Schema(description = "Participants who first completed the assessment in the date range",
                    examples = "30") long completed,
            @Schema(description = "Of them, those with at least one match (any status)", examples = "27") long matched,
            @Schema(description = "Of them, those who accepted a match", examples = "18") long accepted,
            @Schema(description = "matched / completed, 4 decimals; null when none completed", examples = "0.9",
                    nullable = true)
            BigDecimal matchRate,
            @Schema(description = "accepted / matched, 4 decimals; null when none was matched", examples = "0.6667",
                    nullable = true)
            BigDecimal acceptanceRate) {
    }

    @Schema(name = "ProgramReportTimeTo")
    public record TimeTo(
            @Schema(description = "Participants measured (those who got there)", examples = "18") long participants,
            @Schema(description = "The median in whole seconds; null when nobody was measured", examples = "129600",
                    nullable = true)
            Long medianSeconds,
            @Schema(description = "The same median as an ISO 8601 duration", examples = "PT36H", nullable = true)
            String median) {
    }

    @Schema(name = "ProgramReportMentorUtilisation")
    public record MentorUtilisation(Utilisation overall,
            @Schema(description = "Per mentor field, in field order; field null for mentors without one")
            List<Utilisation> byField) {
    }

    /** @param field null in the overall figure and for mentors without a field */
    @Schema(name = "ProgramReportUtilisation")
    public record Utilisation(@Schema(examples = "TECHNOLOGY") Field field,
            @Schema(examples = "12") long mentors,
            @Schema(description = "Sum of the mentors' capacity", examples = "30") long capacity,
            @Schema(description = "Sum of the places held by proposed, invited and accepted matches",
                    examples = "24") long reserved,
            @Schema(description = "Mentors whose reserved places reach their capacity", examples = "7")
            long atCapacity,
            @Schema(description = "reserved / capacity, 4 decimals (above 1 when a mentor lowered their capacity "
                    + "below what they hold); null without capacity", examples = "0.8", nullable = true)
            BigDecimal utilisation) {
    }

    @Schema(name = "ProgramReportScores")
    public record Scores(
            @Schema(description = "Participants averaged (those whose latest assessment's scores are known)",
                    examples = "30") long participants,
            List<DimensionScores> dimensions, List<BehaviourScore> behaviours) {
    }

    /** Averages 0-100 with 2 decimals; null when nobody was averaged. */
    @Schema(name = "ProgramReportDimensionScores")
    public record DimensionScores(@Schema(examples = "APPROACH_TO_CHANGE") Dimension dimension,
            @Schema(examples = "61.25", nullable = true) BigDecimal management,
            @Schema(examples = "48.5", nullable = true) BigDecimal leadership) {
    }

    @Schema(name = "ProgramReportBehaviourScore")
    public record BehaviourScore(@Schema(examples = "SPEAK_UP") Behaviour behaviour,
            @Schema(examples = "55.75", nullable = true) BigDecimal average) {
    }

    @Schema(name = "ProgramReportGrowthArea")
    public record GrowthAreaSupply(@Schema(examples = "APPROACH_TO_CHANGE_LEADERSHIP") Trait trait,
            @Schema(description = "Participants with this trait among their growth areas", examples = "14")
            long demand,
            @Schema(description = "Of them, those without a mentor now (completed, waiting or declined)",
                    examples = "6") long unmetDemand,
            @Schema(description = "Mentors, not retired, with strength 4 or 5 in the trait", examples = "3")
            long strongMentors,
            @Schema(description = "Of them, those taking new mentees with a free place", examples = "1")
            long strongMentorsWithFreeCapacity,
            @Schema(description = "The free places of those mentors", examples = "2") long freePlaces,
            @Schema(description = "unmetDemand - freePlaces: above 0, the program needs more mentors strong in this "
                    + "trait", examples = "4") long gap) {
    }
}
