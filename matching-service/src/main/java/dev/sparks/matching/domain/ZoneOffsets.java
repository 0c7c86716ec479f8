package dev.sparks.matching.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UTC offsets of IANA time zones at one reference instant, cached by zone id string.
 *
 * <p>Resolving a zone's rules costs far more than a map lookup, and 20,000 mentors share a few
 * hundred zones at most, so a decision looks each zone up once. One instance may be reused
 * across decisions (and threads) as long as its instant is close enough to "now"; offsets only
 * change at daylight-saving transitions.
 */
public final class ZoneOffsets {

    /** Returned for a missing or unknown zone id; the scorer treats it as a neutral half. */
    public static final int UNKNOWN = Integer.MIN_VALUE;

    private static final int MINUTES_PER_DAY = 24 * 60;
    // Guards against unbounded growth from garbage zone strings; real data has a few hundred zones.
    private static final int MAX_CACHED_ZONES = 2_000;

    private final Instant instant;
    private final ConcurrentHashMap<String, Integer> minutesByZone = new ConcurrentHashMap<>();

    private ZoneOffsets(Instant instant) {
        this.instant = Objects.requireNonNull(instant, "instant");
    }

    public static ZoneOffsets at(Instant instant) {
        return new ZoneOffsets(instant);
    }

    public Instant instant() {
        return instant;
    }

    /** The zone's offset from UTC in minutes at {@link #instant()}, or {@link #UNKNOWN}. */
    public int offsetMinutes(String zoneId) {
        if (zoneId == null) {
            return UNKNOWN;
        }
        Integer cached = minutesByZone.get(zoneId);
        if (cached != null) {
            return cached;
        }
        int minutes = resolve(zoneId);
        if (minutesByZone.size() < MAX_CACHED_ZONES) {
            minutesByZone.put(zoneId, minutes);
        }
        return minutes;
    }

    /**
     * How far apart two offsets are on the clock, in minutes (0 to 720), or {@link #UNKNOWN}.
     * The distance wraps around the day: UTC+14 and UTC-10 show the same time of day, so they
     * count as 0 apart rather than 24 hours.
     */
    public static int minutesApart(int offsetMinutesA, int offsetMinutesB) {
        if (offsetMinutesA == UNKNOWN || offsetMinutesB == UNKNOWN) {
            return UNKNOWN;
        }
        int difference = Math.abs(offsetMinutesA - offsetMinutesB) % MINUTES_PER_DAY;
        return Math.min(difference, MINUTES_PER_DAY - difference);
    }

    private int resolve(String zoneId) {
        if (zoneId.isBlank()) {
            return UNKNOWN;
        }
        try {
            return ZoneId.of(zoneId.strip()).getRules().getOffset(instant).getTotalSeconds() / 60;
        } catch (DateTimeException e) {
            return UNKNOWN;
        }
    }
}
