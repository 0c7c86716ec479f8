package dev.sparks.mentor.domain;

import dev.sparks.common.model.Trait;
import dev.sparks.common.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV layout of an HR import: one row per mentor, a header row naming the columns (in any order, names
 * case-insensitive), multi-valued cells separated by {@code ;}, one {@code strength.<TRAIT>} column per trait.
 * An empty cell is the same as a missing field.
 */
public final class CsvProfileColumns {

    public static final String SEPARATOR = ";";
    public static final String STRENGTH_PREFIX = "strength.";
    public static final List<String> PROFILE_COLUMNS = List.of("externalId", "name", "email", "field", "seniority",
            "languages", "timeZone", "bio", "offerings", "capacity", "availability", "pausedUntil", "exclusions");
    public static final Set<String> REQUIRED_COLUMNS = Set.of("externalId", "name", "email", "field", "languages",
            "timeZone", "capacity");

    /** A data row read into a draft, or why its cells cannot even be read. */
    public record Row(int row, ProfileDraft draft, List<FieldError> errors) {
    }

    private final List<String> columns;

    private CsvProfileColumns(List<String> columns) {
        this.columns = columns;
    }

    /** Checks the header: every column known, none twice, the required ones present; else the errors. */
    public static CsvProfileColumns of(List<String> header, List<FieldError> errors) {
        Map<String, String> known = new HashMap<>();
        PROFILE_COLUMNS.forEach(name -> known.put(name.toLowerCase(Locale.ROOT), name));
        for (Trait trait : Trait.values()) {
            String name = STRENGTH_PREFIX + trait.name();
            known.put(name.toLowerCase(Locale.ROOT), name);
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String canonical = known.get(header.get(i).toLowerCase(Locale.ROOT));
            if (canonical == null) {
                errors.add(new FieldError("header[" + i + "]", "'" + header.get(i) + "' is not a known column"));
            } else if (columns.contains(canonical)) {
                errors.add(new FieldError("header[" + i + "]", "'" + canonical + "' appears twice"));
            }
            columns.add(canonical);
        }
        REQUIRED_COLUMNS.stream().sorted().filter(required -> !columns.contains(required))
                .forEach(missing -> errors.add(new FieldError("header", "the column '" + missing + "' is required")));
        return new CsvProfileColumns(java.util.Collections.unmodifiableList(columns));
    }

    /** Reads one data record; {@code row} is its 1-based number among the data rows. */
    public Row read(int row, List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        if (cells.size() != columns.size()) {
            errors.add(new FieldError("row", "has " + cells.size() + " cells but the header has " + columns.size()));
            return new Row(row, null, errors);
        }
        Map<String, String> value = new HashMap<>();
        Map<String, Integer> strengths = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = ProfileNormaliser.trimmed(cells.get(i));
            if (column.startsWith(STRENGTH_PREFIX)) {
                if (cell != null) {
                    String trait = column.substring(STRENGTH_PREFIX.length());
                    Integer level = integer(cell);
                    if (level == null) {
                        errors.add(new FieldError("strengths." + trait, "must be a level from 1 to 5"));
                    } else {
                        strengths.put(trait, level);
                    }
                }
            } else {
                value.put(column, cell);
            }
        }
        Integer capacity = null;
        if (value.get("capacity") != null) {
            capacity = integer(value.get("capacity"));
            if (capacity == null) {
                errors.add(new FieldError("capacity", "must be a whole number from 1 to 10"));
            }
        }
        if (!errors.isEmpty()) {
            return new Row(row, null, errors);
        }
        ProfileDraft draft = new ProfileDraft(value.get("externalId"), value.get("name"), value.get("email"),
                value.get("field"), value.get("seniority"), list(value.get("languages")), value.get("timeZone"),
                value.get("bio"), strengths, list(value.get("offerings")), capacity, value.get("availability"),
                value.get("pausedUntil"), list(value.get("exclusions")));
        return new Row(row, draft, List.of());
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer integer(String cell) {
        try {
            return Integer.valueOf(cell.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
