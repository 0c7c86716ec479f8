package dev.sparks.mentor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.sparks.common.problem.Problem.FieldError;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.problem.ProblemType;
import dev.sparks.mentor.domain.CsvProfileColumns;
import dev.sparks.mentor.domain.CsvTable;
import dev.sparks.mentor.domain.ImportRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of an import body. The body as a whole must be JSON or CSV with a known header (else 400); each
 * row is read on its own, so a row with a wrong value is rejected by itself instead of failing the request.
 */
@ApplicationScoped
public class ImportRowsReader {

    private final ObjectMapper json;

    public ImportRowsReader(ObjectMapper json) {
        this.json = json;
    }

    /** {@code {"mentors": [...]}} or a bare array of profiles. */
    public List<ImportRow> fromJson(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where);
        }
        JsonNode profiles = root;
        if (root != null && root.isObject()) {
            if (root.size() != 1 || !root.has("mentors")) {
                throw ProblemException.invalid("body", "must be {\"mentors\": [...]} or an array of profiles");
            }
            profiles = root.get("mentors");
        }
        if (profiles == null || !profiles.isArray()) {
            throw ProblemException.invalid("mentors", "must be an array of profiles");
        }
        List<ImportRow> rows = new ArrayList<>(profiles.size());
        for (int i = 0; i < profiles.size(); i++) {
            int row = i + 1;
            JsonNode profile = profiles.get(i);
            if (!profile.isObject()) {
                rows.add(ImportRow.unreadable(row, List.of(new FieldError("row", "must be a JSON object"))));
                continue;
            }
            try {
                rows.add(ImportRow.of(row, json.treeToValue(profile, MentorRequest.class).toDraft()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                rows.add(ImportRow.unreadable(row, List.of(fieldError(e))));
            }
        }
        return rows;
    }

    /** RFC 4180 CSV with a header row; see {@link CsvProfileColumns} for the columns. */
    public List<ImportRow> fromCsv(String body) {
        CsvTable table;
        try {
            table = CsvTable.parse(body);
        } catch (CsvTable.FormatException e) {
            throw ProblemException.invalid("body", "is not valid CSV: " + e.getMessage());
        }
        if (table.header().isEmpty()) {
            throw ProblemException.invalid("body", "must start with a header row naming the columns");
        }
        List<FieldError> headerErrors = new ArrayList<>();
        CsvProfileColumns columns = CsvProfileColumns.of(table.header(), headerErrors);
        if (!headerErrors.isEmpty()) {
            throw ProblemException.invalid(headerErrors);
        }
        List<ImportRow> rows = new ArrayList<>(table.records().size());
        for (int i = 0; i < table.records().size(); i++) {
            CsvProfileColumns.Row row = columns.read(i + 1, table.records().get(i).cells());
            rows.add(row.errors().isEmpty() ? ImportRow.of(row.row(), row.draft())
                    : ImportRow.unreadable(row.row(), row.errors()));
        }
        return rows;
    }

    private static FieldError fieldError(Exception e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(unknown.getPropertyName(), "is not a known field");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return new FieldError(path.toString(), "has the wrong type or format");
        }
        return new FieldError("row", "cannot be read as a mentor profile");
    }
}
