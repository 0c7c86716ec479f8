package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZoneOffsetsTest {

    private final ZoneOffsets offsets = ZoneOffsets.at(MatchingFixtures.REFERENCE);

    @Test
    void resolvesOffsetsAtTheReferenceInstant() {
        assertEquals(60, offsets.offsetMinutes("Europe/Berlin"));
        assertEquals(0, offsets.offsetMinutes("Europe/London"));
        assertEquals(-300, offsets.offsetMinutes("America/New_York"));
        assertEquals(330, offsets.offsetMinutes("Asia/Kolkata"));
    }

    @Test
    void followsDaylightSavingTime() {
        ZoneOffsets summer = ZoneOffsets.at(java.time.Instant.parse("2026-07-15T12:00:00Z"));
        assertEquals(120, summer.offsetMinutes("Europe/Berlin"));
    }

    @Test
    void unknownZonesAreUnknown() {
        assertEquals(ZoneOffsets.UNKNOWN, offsets.offsetMinutes(null));
        assertEquals(ZoneOffsets.UNKNOWN, offsets.offsetMinutes(" "));
        assertEquals(ZoneOffsets.UNKNOWN, offsets.offsetMinutes("Mars/Olympus_Mons"));
        assertEquals(ZoneOffsets.UNKNOWN, ZoneOffsets.minutesApart(ZoneOffsets.UNKNOWN, 60));
    }

    @Test
    void distanceWrapsAroundTheDay() {
        assertEquals(60, ZoneOffsets.minutesApart(60, 0));
        assertEquals(270, ZoneOffsets.minutesApart(60, 330));
        int kiritimati = offsets.offsetMinutes("Pacific/Kiritimati");
        int honolulu = offsets.offsetMinutes("Pacific/Honolulu");
        assertEquals(14 * 60, kiritimati);
        assertEquals(-10 * 60, honolulu);
        assertEquals(0, ZoneOffsets.minutesApart(kiritimati, honolulu));
        assertEquals(720, ZoneOffsets.minutesApart(720, 0));
    }
}
