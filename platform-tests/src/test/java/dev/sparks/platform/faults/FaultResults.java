package dev.sparks.platform.faults;

import dev.sparks.platform.faults.PipelineAudit.Figures;
import dev.sparks.platform.harness.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of each fault, printed as each test ends and kept in {@code target/fault-results.md}, which is
 * rewritten after every test so it is complete even when a later test fails or the run is stopped.
 */
final class FaultResults {

    private record Row(String fault, Figures figures, String notes) {
    }

    private final Path file;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Row> rows = new ArrayList<>();

    FaultResults(Path file) {
        this.file = file;
    }

    static FaultResults inTarget() {
        return new FaultResults(Project.target().resolve("fault-results.md"));
    }

    Path file() {
        return file;
    }

    synchronized void record(String fault, Figures figures, String notes) {
        rows.add(new Row(fault, figures, notes));
        write();
        String newline = System.lineSeparator();
        StringBuilder line = new StringBuilder(newline).append("[fault] ").append(fault).append(": ");
        if (figures == null) {
            line.append(notes);
        } else {
            line.append(("%d assessments in (of %d completions), %d matches, %d waiting, %d invitations, "
                    + "%d lost, %d doubled; ").formatted(figures.assessmentsIn(), figures.completions(),
                    figures.matches(), figures.waiting(), figures.invitations(), figures.lost(), figures.doubled()))
                    .append(notes);
            figures.findings().forEach(finding -> line.append(newline).append("[fault]   ").append(finding));
        }
        System.out.println(line.append(newline));
    }

    synchronized void skipped(String fault, String reason) {
        record(fault, null, "skipped: " + reason);
    }

    /** The whole table, as in the file. */
    synchronized String table() {
        StringBuilder text = new StringBuilder();
        text.append("# Fault tests\n\n")
                .append("FaultToleranceIT, run started ").append(started).append(". Each fault hits a burst of ")
                .append("completed assessments from new participants; afterwards every completion must have ")
                .append("produced exactly one match or waiting-list entry and every match exactly one invitation ")
                .append("mail in the participant's inbox.\n\n")
                .append("| Fault | Assessments in | Matches | Waiting | Invitations | Lost | Doubled | Notes |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Figures f = row.figures();
            if (f == null) {
                text.append("| %s | | | | | | | %s |\n".formatted(row.fault(), row.notes()));
            } else {
                StringBuilder notes = new StringBuilder(row.notes());
                if (!f.findings().isEmpty()) {
                    notes.append("<br>").append(String.join("<br>", f.findings()));
                }
                text.append("| %s | %d of %d | %d | %d | %d | %d | %d | %s |\n".formatted(row.fault(),
                        f.assessmentsIn(), f.completions(), f.matches(), f.waiting(), f.invitations(), f.lost(),
                        f.doubled(), notes.toString().replace("|", "\\|")));
            }
        }
        return text.toString();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
