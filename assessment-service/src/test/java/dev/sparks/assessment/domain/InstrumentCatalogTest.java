package dev.sparks.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstrumentCatalogTest {

    private final InstrumentCatalog catalog = InstrumentCatalog.bundled();
    private final Instrument v1 = catalog.current();

    @Test
    void currentVersionIsTheFirstPublishedOne() {
        assertEquals("2026.1", v1.version());
        assertEquals(List.of("2026.1"), catalog.versions());
        assertSame(v1, catalog.version("2026.1").orElseThrow());
        assertTrue(catalog.version("1999.1").isEmpty());
        assertSame(catalog, InstrumentCatalog.bundled(), "loaded once");
    }

    @Test
    void v1PassesItsOwnValidation() {
        assertEquals(List.of(), InstrumentCatalog.validate(v1));
    }

    @Test
    void everyTraitHasAtLeastTheMinimumItemsWithOneOrTwoReverseKeyed() {
        for (Trait trait : Trait.values()) {
            List<Instrument.Item> items = v1.itemsOf(trait);
            int minimum = trait.isBehaviour()
                    ? InstrumentCatalog.MIN_ITEMS_PER_BEHAVIOUR
                    : InstrumentCatalog.MIN_ITEMS_PER_DIMENSION_SIDE;
            assertTrue(items.size() >= minimum, trait + " has " + items.size() + " items");
            long reverse = items.stream().filter(Instrument.Item::reverseKeyed).count();
            assertTrue(reverse >= 1 && reverse <= 2 && reverse < items.size(), trait + " has " + reverse + " reversed");
        }
        assertTrue(v1.items().size() >= 12 * 4 + 6 * 3);
    }

    @Test
    void itemIdsAreUniqueAndNoTwoNeighboursMeasureTheSameTrait() {
        List<String> ids = v1.items().stream().map(Instrument.Item::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size());
        for (int i = 1; i < v1.items().size(); i++) {
            assertNotEquals(v1.items().get(i - 1).trait(), v1.items().get(i).trait(), "items " + (i - 1) + " and " + i);
        }
    }

    @Test
    void scaleIsFivePointFrequency() {
        assertEquals(List.of("Never", "Rarely", "Sometimes", "Often", "Always"),
                v1.scale().points().stream().map(Instrument.Scale.Point::label).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), v1.scale().points().stream().map(Instrument.Scale.Point::value).toList());
    }

    @Test
    void offersEveryGoalAndFieldAndWellFormedPreferences() {
        assertEquals(Set.of(Goal.values()),
                v1.goals().options().stream().map(Instrument.Choice::value).collect(Collectors.toSet()));
        assertTrue(v1.goals().ranked());
        assertEquals(Set.of(Field.values()),
                v1.preferences().field().options().stream().map(Instrument.Choice::value).collect(Collectors.toSet()));
        assertTrue(v1.preferences().languages().accepts("en"));
        assertTrue(v1.preferences().timeZone().accepts("America/New_York"));
        assertTrue(!v1.preferences().timeZone().accepts("Mars/Olympus"));
        assertTrue(v1.preferences().notes().accepts("x".repeat(v1.preferences().notes().maxLength())));
        assertTrue(!v1.preferences().notes().accepts("x".repeat(v1.preferences().notes().maxLength() + 1)));
    }

    @Test
    void validationNamesDuplicateIdsNeighboursAndThinTraits() {
        List<Instrument.Item> items = new ArrayList<>(v1.items());
        Instrument.Item first = items.get(0);
        items.set(1, new Instrument.Item(first.id(), "Same id again.", first.trait(), false));
        items.removeIf(item -> item.trait() == Trait.SPEAK_UP);

        List<String> problems = InstrumentCatalog.validate(AnswerSets.withItems(v1, items));

        assertTrue(problems.contains("item id " + first.id() + " is used more than once"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("items " + first.id() + " and " + first.id())),
                problems::toString);
        assertTrue(problems.contains("SPEAK_UP has 0 items, needs at least 3"), problems::toString);
    }

    @Test
    void validationRejectsAScaleWithGaps() {
        Instrument.Scale gappy = new Instrument.Scale("How often?", List.of(
                new Instrument.Scale.Point(1, "Never"), new Instrument.Scale.Point(3, "Sometimes"),
                new Instrument.Scale.Point(5, "Always")));
        Instrument broken = new Instrument(v1.version(), v1.title(), v1.intro(), gappy, v1.items(), v1.goals(),
                v1.preferences());

        List<String> problems = InstrumentCatalog.validate(broken);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("scale values must be consecutive"));
    }

    @Test
    void aMissingDirectoryFailsLoudly() {
        InvalidInstrumentException e = assertThrows(InvalidInstrumentException.class,
                () -> InstrumentCatalog.load("no-such-instrument"));
        assertTrue(e.getMessage().contains("no-such-instrument/versions.json"));
    }

    @Test
    void itemIdsFollowTheirTraitsPrefix() {
        for (Instrument.Item item : v1.items()) {
            String prefix = item.id().substring(0, item.id().lastIndexOf('-'));
            long traitsSharingPrefix = v1.items().stream()
                    .filter(other -> other.id().startsWith(prefix + "-"))
                    .map(Instrument.Item::trait).distinct().count();
            assertEquals(1, traitsSharingPrefix, item.id());
        }
        assertTrue(Arrays.stream(Trait.values()).allMatch(t -> !v1.itemsOf(t).isEmpty()));
    }
}
