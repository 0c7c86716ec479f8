package dev.sparks.matching.domain;

import dev.sparks.common.model.MatchStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status changes a match allows:
 * <pre>
 * PROPOSED -> INVITED | ACCEPTED | DECLINED | EXPIRED | ENDED
 * INVITED  -> ACCEPTED | DECLINED | EXPIRED | ENDED
 * ACCEPTED -> ENDED
 * DECLINED, EXPIRED, ENDED: final
 * </pre>
 * A proposal may be accepted in the front-end before notification-service reports the invitation as sent, and
 * an open proposal may be ended (e.g. a program-admin withdraws it), which is why PROPOSED reaches every status.
 */
public final class MatchTransitions {

    private static final Map<MatchStatus, Set<MatchStatus>> ALLOWED = new EnumMap<>(MatchStatus.class);

    static {
        ALLOWED.put(MatchStatus.PROPOSED, EnumSet.of(MatchStatus.INVITED, MatchStatus.ACCEPTED, MatchStatus.DECLINED,
                MatchStatus.EXPIRED, MatchStatus.ENDED));
        ALLOWED.put(MatchStatus.INVITED, EnumSet.of(MatchStatus.ACCEPTED, MatchStatus.DECLINED, MatchStatus.EXPIRED,
                MatchStatus.ENDED));
        ALLOWED.put(MatchStatus.ACCEPTED, EnumSet.of(MatchStatus.ENDED));
        ALLOWED.put(MatchStatus.DECLINED, EnumSet.noneOf(MatchStatus.class));
        ALLOWED.put(MatchStatus.EXPIRED, EnumSet.noneOf(MatchStatus.class));
        ALLOWED.put(MatchStatus.ENDED, EnumSet.noneOf(MatchStatus.class));
    }

    private MatchTransitions() {
    }

    public static boolean allowed(MatchStatus from, MatchStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Whether moving from one status to the other gives the mentor's capacity back. */
    public static boolean releasesCapacity(MatchStatus from, MatchStatus to) {
        return from.holdsCapacity() && !to.holdsCapacity();
    }
}
