package dev.sparks.mentor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as HR systems export it: comma separated, fields optionally in double quotes (a quote inside doubled),
 * quoted fields may span lines, CRLF or LF line ends, an optional UTF-8 byte order mark, blank lines ignored.
 */
public record CsvTable(List<String> header, List<Record> records) {

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
        List<Record> all = new ArrayList<>();
        int length = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int recordLine = line;
        boolean quotedCell = false;
        boolean anyContent = false;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"' && cell.length() == 0 && !quotedCell) {
                quotedCell = true;
                anyContent = true;
                int start = line;
                i++;
                while (true) {
                    if (i >= length) {
                        throw new FormatException(start, "a quoted field is not closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    cell.append(q);
                    i++;
                }
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                quotedCell = false;
                anyContent = true;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                if (anyContent || cell.length() > 0) {
                    cells.add(cell.toString());
                    all.add(new Record(recordLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                quotedCell = false;
                anyContent = false;
                line++;
                recordLine = line;
                continue;
            }
            if (quotedCell) {
                throw new FormatException(line, "characters after a closing quote");
            }
            cell.append(c);
            anyContent = true;
            i++;
        }
        if (anyContent || cell.length() > 0) {
            cells.add(cell.toString());
            all.add(new Record(recordLine, List.copyOf(cells)));
        }
        if (all.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = all.get(0).cells().stream().map(String::strip).toList();
        return new CsvTable(header, List.copyOf(all.subList(1, all.size())));
    }
}
