package dev.sparks.matching.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;

class CohortInstanceTest {

    @Example
    void instancesRejectInconsistentInput() {
        assertThatThrownBy(() -> CohortInstance.dense(2, new int[] {1}, new short[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohortInstance.dense(1, new int[] {-1}, new short[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohortInstance.sparse(new int[] {1}, new int[] {0, 1}, new int[] {1}, new short[] {5}))
                .as("mentor index out of range").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohortInstance.sparse(new int[] {1}, new int[] {0, 1}, new int[] {0}, new short[] {-1}))
                .as("forbidden pairs are left out of a sparse instance").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CohortObjective.bestScore(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void allThreeFormsReadTheSameWeights() {
        RandomCohorts cohort = RandomCohorts.generate(3, 12, 5, 3, 0.3, 100);
        CohortInstance dense = cohort.dense();
        CohortInstance sparse = cohort.sparse();
        CohortInstance rows = cohort.rows();
        for (int i = 0; i < cohort.participants; i++) {
            for (int j = 0; j < cohort.mentors(); j++) {
                int expected = cohort.weight(i, j) < 0 ? CohortInstance.FORBIDDEN : cohort.weight(i, j);
                assertThat(dense.weight(i, j)).isEqualTo(expected);
                assertThat(sparse.weight(i, j)).isEqualTo(expected);
                assertThat(rows.weight(i, j)).isEqualTo(expected);
            }
        }
        assertThat(dense.isFullGraph()).isTrue();
        assertThat(rows.isFullGraph()).isTrue();
        assertThat(sparse.isFullGraph()).isFalse();
        assertThat(sparse.totalCapacity()).isEqualTo(dense.totalCapacity());
    }
}
