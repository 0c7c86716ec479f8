package dev.sparks.mentor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvProfileColumnsTest {

    static final List<String> HEADER = List.of("externalId", "NAME", "email", "field", "languages", "timeZone",
            "capacity", "offerings", "exclusions", "strength.SPEAK_UP", "strength.take_initiative");

    @Test
    void readsARowIntoADraftWithListsAndStrengths() {
        List<FieldError> errors = new ArrayList<>();
        CsvProfileColumns columns = CsvProfileColumns.of(HEADER, errors);
        assertThat(errors).isEmpty();
        CsvProfileColumns.Row row = columns.read(1, List.of("HR-1", "Maya", "maya@x.test", "TECHNOLOGY", "en; sv",
                "Europe/Oslo", " 4 ", "CAREER_ADVICE;;NETWORKING", "", "5", ""));
        assertThat(row.errors()).isEmpty();
        ProfileDraft draft = row.draft();
        assertThat(draft.name()).isEqualTo("Maya");
        assertThat(draft.languages()).containsExactly("en", "sv");
        assertThat(draft.offerings()).containsExactly("CAREER_ADVICE", "NETWORKING");
        assertThat(draft.exclusions()).isEmpty();
        assertThat(draft.capacity()).isEqualTo(4);
        assertThat(draft.strengths()).containsOnlyKeys("SPEAK_UP").containsEntry("SPEAK_UP", 5);
        assertThat(ProfileNormaliser.normalise(draft, java.time.LocalDate.of(2030, 1, 1)).valid()).isTrue();
    }

    @Test
    void unreadableCellsAndWrongCellCountsRejectTheRow() {
        CsvProfileColumns columns = CsvProfileColumns.of(HEADER, new ArrayList<>());
        assertThat(columns.read(2, List.of("HR-1", "Maya")).errors()).extracting(FieldError::field)
                .containsExactly("row");
        assertThat(columns.read(3, List.of("HR-1", "Maya", "m@x.test", "TECHNOLOGY", "en", "UTC", "three", "", "",
                "high", "")).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("strengths.SPEAK_UP", "capacity");
    }

    @Test
    void theHeaderMustNameKnownColumnsOnceAndTheRequiredOnes() {
        List<FieldError> errors = new ArrayList<>();
        CsvProfileColumns.of(List.of("externalId", "nickname", "externalid", "strength.CHARISMA"), errors);
        assertThat(errors).extracting(FieldError::field).contains("header[1]", "header[2]", "header[3]", "header");
        assertThat(errors).extracting(FieldError::message).contains("the column 'email' is required");
    }
}
