package dev.sparks.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who may call each operation of each service: the committed table {@code deploy/openapi/access-matrix.csv}, one row
 * per operationId with the expected answer per caller ({@code allowed}, {@code 401} or {@code 403}). "allowed" means
 * the caller gets past authentication and authorisation; what the operation then answers (200, 404 for an unknown
 * id, 400 for a bad body...) is not the matrix's business.
 */
public final class AccessMatrix {

    public static final String FILE = "deploy/openapi/access-matrix.csv";

    /** The callers, in column order. */
    public enum Caller {
        NO_TOKEN("no-token"),
        EXPIRED_TOKEN("expired-token"),
        FOREIGN_KEY_TOKEN("foreign-key-token"),
        OTHER_ISSUER_TOKEN("other-issuer-token"),
        PARTICIPANT("participant"),
        MENTOR("mentor"),
        PROGRAM_ADMIN("program-admin"),
        HR_INTEGRATION("hr-integration");

        private final String column;

        Caller(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        public boolean isRole() {
            return ordinal() >= PARTICIPANT.ordinal();
        }

        public static List<Caller> roles() {
            return Arrays.stream(values()).filter(Caller::isRole).toList();
        }
    }

    public enum Expected {
        ALLOWED("allowed"), UNAUTHENTICATED("401"), FORBIDDEN("403");

        private final String cell;

        Expected(String cell) {
            this.cell = cell;
        }

        public String cell() {
            return cell;
        }

        static Expected of(String cell, String where) {
            for (Expected expected : values()) {
                if (expected.cell.equals(cell)) {
                    return expected;
                }
            }
            throw new IllegalArgumentException(where + ": '" + cell + "' is not allowed, 401 or 403");
        }
    }

    public record Row(String service, String operationId, Map<Caller, Expected> expected) {

        public Expected expected(Caller caller) {
            return expected.get(caller);
        }

        public String csv() {
            return service + "," + operationId + "," + Arrays.stream(Caller.values())
                    .map(c -> expected.get(c).cell()).collect(Collectors.joining(","));
        }
    }

    private AccessMatrix() {
    }

    public static String header() {
        return "service,operationId," + Arrays.stream(Caller.values()).map(Caller::column)
                .collect(Collectors.joining(","));
    }

    public static List<Row> read() {
        return parse(read(OpenApiContract.repositoryRoot().resolve(FILE)));
    }

    /** The rows of one service, by operationId. */
    public static Map<String, Row> of(String service) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : read()) {
            if (row.service().equals(service) && rows.put(row.operationId(), row) != null) {
                throw new IllegalStateException(FILE + ": " + service + " " + row.operationId() + " is listed twice");
            }
        }
        return rows;
    }

    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(header())) {
                    throw new IllegalStateException(FILE + ": the header must be " + header());
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = FILE + " line " + (i + 1);
            if (cells.length != 2 + Caller.values().length) {
                throw new IllegalStateException(where + ": expected " + (2 + Caller.values().length) + " cells");
            }
            Map<Caller, Expected> expected = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                expected.put(caller, Expected.of(cells[2 + caller.ordinal()].strip(), where));
            }
            rows.add(new Row(cells[0].strip(), cells[1].strip(), expected));
        }
        return rows;
    }

    /** The row the document's security requirement implies: the first version of a new operation's row. */
    public static Row derived(String service, ApiOperations.Operation operation) {
        Map<Caller, Expected> expected = new LinkedHashMap<>();
        for (Caller caller : Caller.values()) {
            Expected cell;
            if (!operation.secured()) {
                cell = Expected.ALLOWED;
            } else if (!caller.isRole()) {
                cell = Expected.UNAUTHENTICATED;
            } else {
                cell = operation.roles().isEmpty() || operation.roles().contains(caller.column()) ? Expected.ALLOWED
                        : Expected.FORBIDDEN;
            }
            expected.put(caller, cell);
        }
        return new Row(service, operation.operationId(), expected);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
