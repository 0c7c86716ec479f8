package dev.sparks.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationRowTest {

    @Test
    void normalisesWhitespaceBlanksAndEmailCase() {
        RegistrationRow row = RegistrationRow.normalised(" E-1 ", " Ada ", " Ada@Sparks.TEST ", "  ", null);
        assertThat(row).isEqualTo(new RegistrationRow("E-1", "Ada", "ada@sparks.test", null, null));
        assertThat(row.problems()).isEmpty();
    }

    @Test
    void namesEveryProblemByField() {
        assertThat(RegistrationRow.normalised(null, "", "not-an-address", null, null).problems())
                .extracting(ResponseIssue::field)
                .containsExactly("externalId", "name", "email");
        assertThat(RegistrationRow.normalised("E-1", "Ada", "ada@sparks.test", null, "E-1").problems())
                .extracting(ResponseIssue::field)
                .containsExactly("managerExternalId");
    }
}
