package dev.sparks.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.model.MatchStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MatchTransitionsTest {

    @Test
    void theLifecycleOfTheIssue() {
        assertThat(MatchTransitions.allowed(MatchStatus.PROPOSED, MatchStatus.INVITED)).isTrue();
        assertThat(MatchTransitions.allowed(MatchStatus.INVITED, MatchStatus.ACCEPTED)).isTrue();
        assertThat(MatchTransitions.allowed(MatchStatus.INVITED, MatchStatus.DECLINED)).isTrue();
        assertThat(MatchTransitions.allowed(MatchStatus.INVITED, MatchStatus.EXPIRED)).isTrue();
        assertThat(MatchTransitions.allowed(MatchStatus.ACCEPTED, MatchStatus.ENDED)).isTrue();
        assertThat(MatchTransitions.allowed(MatchStatus.ACCEPTED, MatchStatus.DECLINED)).isFalse();
        assertThat(MatchTransitions.allowed(MatchStatus.INVITED, MatchStatus.PROPOSED)).isFalse();
    }

    @Property
    void finalStatusesGoNowhere(@ForAll MatchStatus to) {
        for (MatchStatus last : new MatchStatus[] {MatchStatus.DECLINED, MatchStatus.EXPIRED, MatchStatus.ENDED}) {
            assertThat(MatchTransitions.allowed(last, to)).isFalse();
        }
    }

    @Property
    void noStatusReturnsToItselfOrToProposed(@ForAll MatchStatus from) {
        assertThat(MatchTransitions.allowed(from, from)).isFalse();
        assertThat(MatchTransitions.allowed(from, MatchStatus.PROPOSED)).isFalse();
    }

    /** Capacity is given back exactly once: on the one allowed step out of the holding statuses. */
    @Property
    void capacityIsReleasedExactlyWhenLeavingAHoldingStatus(@ForAll MatchStatus from, @ForAll MatchStatus to) {
        if (!MatchTransitions.allowed(from, to)) {
            return;
        }
        assertThat(MatchTransitions.releasesCapacity(from, to)).isEqualTo(from.holdsCapacity() && !to.holdsCapacity());
        assertThat(to.holdsCapacity() && !from.holdsCapacity()).as("no step takes capacity back").isFalse();
    }
}
