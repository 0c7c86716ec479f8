package dev.sparks.matching.report;

import dev.sparks.common.problem.Problem;
import dev.sparks.common.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a program report covers: a range of whole UTC days (both ends inclusive, either open) and any of some
 * departments (none named: every participant, with or without a department).
 */
public record ReportFilter(LocalDate from, LocalDate to, List<String> departments) {

    public static final int MAX_DEPARTMENTS = 50;
    public static final int MAX_DEPARTMENT_LENGTH = 200;

    public ReportFilter {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    public static ReportFilter everything() {
        return new ReportFilter(null, null, List.of());
    }

    /**
     * Reads the query parameters as a client sent them, refusing (400, naming the parameter) what is not a date,
     * a range that ends before it starts, and a blank, overlong or repeated department.
     */
    public static ReportFilter parse(String from, String to, List<String> departments) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new Problem.FieldError("to", "must not be before from (" + start + ")"));
        }
        List<String> names = new ArrayList<>();
        if (departments != null) {
            if (departments.size() > MAX_DEPARTMENTS) {
                errors.add(new Problem.FieldError("department", "at most " + MAX_DEPARTMENTS + " departments"));
            }
            for (String department : departments) {
                String name = department == null ? "" : department.strip();
                if (name.isEmpty()) {
                    errors.add(new Problem.FieldError("department", "must not be blank"));
                } else if (name.length() > MAX_DEPARTMENT_LENGTH) {
                    errors.add(new Problem.FieldError("department",
                            "must be at most " + MAX_DEPARTMENT_LENGTH + " characters"));
                } else if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReportFilter(start, end, names);
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date like 2026-03-31 (ISO 8601, UTC days)"));
            return null;
        }
    }

    /** The first instant covered: the start of {@code from} in UTC. */
    public Optional<Instant> start() {
        return Optional.ofNullable(from).map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The first instant no longer covered: the start of the day after {@code to} in UTC. */
    public Optional<Instant> end() {
        return Optional.ofNullable(to).map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
