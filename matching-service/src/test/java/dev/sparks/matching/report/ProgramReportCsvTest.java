package dev.sparks.matching.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.model.Behaviour;
import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Trait;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV form: RFC 4180 quoting, CRLF, empty cells for missing figures, no formulas for spreadsheets. */
class ProgramReportCsvTest {

    @Test
    void quotesOnlyWhatNeedsItAndDefusesFormulas() {
        String csv = ProgramReportCsv.write(report(List.of("Sales, EMEA", "R&D \"Labs\"", "=HYPERLINK(1)",
                "Finance and Controlling Department")));
        List<String> lines = Arrays.asList(csv.split("\r\n", -1));

        assertThat(lines.get(0)).isEqualTo("section,subject,measure,value");
        assertThat(lines.get(lines.size() - 1)).as("the last row ends with CRLF too").isEmpty();
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(lines).containsSequence("filter,from,date,2026-03-01", "filter,to,date,",
                "filter,department,name,\"Sales, EMEA\"", "filter,department,name,\"R&D \"\"Labs\"\"\"",
                "filter,department,name,'=HYPERLINK(1)",
                "filter,department,name,Finance and Controlling Department");
        assertThat(lines).contains("conversion,matchRate,ratio,0.8000", "conversion,acceptanceRate,ratio,",
                "timeToInvitation,median,seconds,129600", "timeToAcceptance,median,seconds,",
                "mentorUtilisation,all,utilisation,1.0000", "mentorUtilisation,none,mentors,1",
                "scores,DEVELOPING_PEOPLE_LEADERSHIP,average,61.50", "scores,SPEAK_UP,average,",
                "growthArea,APPROACH_TO_CHANGE_LEADERSHIP,strongMentorsWithFreeCapacity,0");
        // one row per figure: header, 3 filter rows + departments, 8 statuses, 5 conversion, 4 times, 2 x 5
        // utilisation, 1 + 18 scores, 18 x 6 growth areas
        assertThat(lines).hasSize(1 + 2 + 4 + 8 + 5 + 4 + 10 + 19 + 108 + 1);
    }

    private static ProgramReport report(List<String> departments) {
        ProgramReport.Utilisation all = new ProgramReport.Utilisation(null, 1, 1, 1, 1, new BigDecimal("1.0000"));
        return new ProgramReport(Instant.parse("2026-04-02T08:00:00Z"),
                new ProgramReport.Filters(LocalDate.parse("2026-03-01"), null, departments),
                new ProgramReport.Participants(10, 1, 2, 3, 1, 1, 1, 1),
                new ProgramReport.Conversion(5, 4, 0, new BigDecimal("0.8000"), null),
                new ProgramReport.TimeTo(1, 129_600L, "PT36H"), new ProgramReport.TimeTo(0, null, null),
                new ProgramReport.MentorUtilisation(all, List.of(all)),
                new ProgramReport.Scores(2, Arrays.stream(Dimension.values())
                        .map(d -> new ProgramReport.DimensionScores(d, new BigDecimal("50.00"),
                                d == Dimension.DEVELOPING_PEOPLE ? new BigDecimal("61.50") : null)).toList(),
                        Arrays.stream(Behaviour.values()).map(b -> new ProgramReport.BehaviourScore(b, null)).toList()),
                Arrays.stream(Trait.values()).map(t -> new ProgramReport.GrowthAreaSupply(t, 0, 0, 0, 0, 0, 0))
                        .toList());
    }
}
