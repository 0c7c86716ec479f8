package dev.sparks.matching.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The program report as one CSV table in long form, {@code section,subject,measure,value}, one figure per row, so
 * a spreadsheet or BI tool can pivot it however it likes. RFC 4180: CRLF line ends, a header row, quotes only
 * where a value needs them. Empty value = no figure (e.g. a median nobody was measured for).
 */
public final class ProgramReportCsv {

    public static final String MEDIA_TYPE = "text/csv";

    /** Quotes only what needs it (by default Jackson quotes every longer value unchecked). */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n");

    private ProgramReportCsv() {
    }

    @JsonPropertyOrder({"section", "subject", "measure", "value"})
    record Row(String section, String subject, String measure, String value) {
    }

    public static String write(ProgramReport report) {
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows of strings are always CSV", e);
        }
    }

    static List<Row> rows(ProgramReport report) {
        List<Row> rows = new ArrayList<>();
        ProgramReport.Filters filters = report.filters();
        rows.add(new Row("filter", "from", "date", text(filters.from())));
        rows.add(new Row("filter", "to", "date", text(filters.to())));
        for (String department : filters.departments()) {
            rows.add(new Row("filter", "department", "name", harmless(department)));
        }

        ProgramReport.Participants p = report.participants();
        participants(rows, "total", p.total());
        participants(rows, "invitedToAssess", p.invitedToAssess());
        participants(rows, "inProgress", p.inProgress());
        participants(rows, "completed", p.completed());
        participants(rows, "matched", p.matched());
        participants(rows, "waiting", p.waiting());
        participants(rows, "accepted", p.accepted());
        participants(rows, "declined", p.declined());

        ProgramReport.Conversion c = report.conversion();
        rows.add(new Row("conversion", "completed", "participants", text(c.completed())));
        rows.add(new Row("conversion", "matched", "participants", text(c.matched())));
        rows.add(new Row("conversion", "accepted", "participants", text(c.accepted())));
        rows.add(new Row("conversion", "matchRate", "ratio", text(c.matchRate())));
        rows.add(new Row("conversion", "acceptanceRate", "ratio", text(c.acceptanceRate())));

        timeTo(rows, "timeToInvitation", report.timeToInvitation());
        timeTo(rows, "timeToAcceptance", report.timeToAcceptance());

        utilisation(rows, "all", report.mentorUtilisation().overall());
        for (ProgramReport.Utilisation field : report.mentorUtilisation().byField()) {
            utilisation(rows, field.field() == null ? "none" : field.field().name(), field);
        }

        ProgramReport.Scores scores = report.scores();
        rows.add(new Row("scores", "all", "participants", text(scores.participants())));
        Map<Trait, BigDecimal> averages = new EnumMap<>(Trait.class);
        scores.dimensions().forEach(d -> {
            averages.put(Trait.of(d.dimension(), Side.MANAGEMENT), d.management());
            averages.put(Trait.of(d.dimension(), Side.LEADERSHIP), d.leadership());
        });
        scores.behaviours().forEach(b -> averages.put(Trait.of(b.behaviour()), b.average()));
        averages.forEach((trait, average) -> rows.add(new Row("scores", trait.name(), "average", text(average))));

        for (ProgramReport.GrowthAreaSupply area : report.growthAreas()) {
            String trait = area.trait().name();
            rows.add(new Row("growthArea", trait, "demand", text(area.demand())));
            rows.add(new Row("growthArea", trait, "unmetDemand", text(area.unmetDemand())));
            rows.add(new Row("growthArea", trait, "strongMentors", text(area.strongMentors())));
            rows.add(new Row("growthArea", trait, "strongMentorsWithFreeCapacity",
                    text(area.strongMentorsWithFreeCapacity())));
            rows.add(new Row("growthArea", trait, "freePlaces", text(area.freePlaces())));
            rows.add(new Row("growthArea", trait, "gap", text(area.gap())));
        }
        return rows;
    }

    private static void participants(List<Row> rows, String status, long count) {
        rows.add(new Row("participants", status, "participants", text(count)));
    }

    private static void timeTo(List<Row> rows, String section, ProgramReport.TimeTo time) {
        rows.add(new Row(section, "participants", "participants", text(time.participants())));
        rows.add(new Row(section, "median", "seconds", text(time.medianSeconds())));
    }

    private static void utilisation(List<Row> rows, String subject, ProgramReport.Utilisation u) {
        rows.add(new Row("mentorUtilisation", subject, "mentors", text(u.mentors())));
        rows.add(new Row("mentorUtilisation", subject, "capacity", text(u.capacity())));
        rows.add(new Row("mentorUtilisation", subject, "reserved", text(u.reserved())));
        rows.add(new Row("mentorUtilisation", subject, "atCapacity", text(u.atCapacity())));
        rows.add(new Row("mentorUtilisation", subject, "utilisation", text(u.utilisation())));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** A text a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe. */
    static String harmless(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
