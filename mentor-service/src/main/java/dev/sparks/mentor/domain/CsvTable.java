package dev.sparks.mentor.domain;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as HR systems export it (read with Jackson's CSV module): comma separated, fields optionally in
 * double quotes (a quote inside doubled), quoted fields may span lines, CRLF or LF line ends, an optional UTF-8 byte
 * order mark, blank lines ignored. Each record keeps the line it starts on, for error messages.
 */
public record CsvTable(List<String> header, List<Record> records) {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** One data record and the line it starts on (1 = the header line). */
    public record Record(int line, List<String> cells) {
    }

    /** The text is not CSV at all (an unterminated quote): nothing of it can be trusted. */
    public static final class FormatException extends RuntimeException {
        private final int line;

        FormatException(int line, String message) {
            super("line " + line + ": " + message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static CsvTable parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> all = new ArrayList<>();
        int line = 1;
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvSchema.emptySchema())
                .readValues(body)) {
            while (rows.hasNextValue()) {
                line = rows.getParser().currentLocation().getLineNr();
                String[] cells = rows.nextValue();
                int start = rows.getParser().currentTokenLocation().getLineNr();
                all.add(new Record(start, List.of(cells)));
            }
        } catch (IOException | RuntimeException e) {
            throw new FormatException(line, "not valid CSV (" + firstLine(e.getMessage()) + ")");
        }
        if (all.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = all.get(0).cells().stream().map(String::strip).toList();
        return new CsvTable(header, List.copyOf(all.subList(1, all.size())));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
