package dev.sparks.mentor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotesEmbeddedLineBreaksAndBothLineEnds() {
        CsvTable table = CsvTable.parse("\uFEFFa, b ,c\r\n1,\"x, \"\"y\"\"\nz\",\r\n\n2,,3\n");
        assertThat(table.header()).containsExactly("a", "b", "c");
        assertThat(table.records()).hasSize(2);
        assertThat(table.records().get(0).cells()).containsExactly("1", "x, \"y\"\nz", "");
        assertThat(table.records().get(1).cells()).containsExactly("2", "", "3");
        assertThat(table.records().get(1).line()).isEqualTo(5);
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThatThrownBy(() -> CsvTable.parse("a,b\n1,\"open\n")).isInstanceOf(CsvTable.FormatException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> CsvTable.parse("a\n\"x\"y\n")).isInstanceOf(CsvTable.FormatException.class);
    }

    @Test
    void emptyTextHasNoHeader() {
        assertThat(CsvTable.parse("").header()).isEmpty();
        assertThat(CsvTable.parse("\n\n").records()).isEmpty();
    }

    /** Whatever the cells hold, writing them as RFC 4180 and reading them back gives the same cells. */
    @Property(tries = 300)
    void roundTripsAnyCells(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) String> cells) {
        String line = cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
        CsvTable table = CsvTable.parse("h\r\n" + line + "\r\n");
        assertThat(table.records()).hasSize(1);
        assertThat(table.records().get(0).cells()).isEqualTo(cells);
    }
}
