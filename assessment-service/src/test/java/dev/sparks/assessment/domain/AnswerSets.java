package dev.sparks.assessment.domain;

import dev.sparks.common.model.Trait;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Answer and score sets for the domain tests, built on the bundled current instrument. */
final class AnswerSets {

    static final Instrument V1 = InstrumentCatalog.bundled().current();

    private AnswerSets() {
    }

    /** The same raw value for every item. */
    static Map<String, Integer> all(Instrument instrument, int value) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        instrument.items().forEach(item -> answers.put(item.id(), value));
        return answers;
    }

    /** Every item answered with any value on the scale. */
    static Arbitrary<Map<String, Integer>> complete(Instrument instrument) {
        List<String> ids = instrument.items().stream().map(Instrument.Item::id).toList();
        return Arbitraries.integers().between(instrument.scale().min(), instrument.scale().max())
                .list().ofSize(ids.size())
                .map(values -> {
                    Map<String, Integer> answers = new LinkedHashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        answers.put(ids.get(i), values.get(i));
                    }
                    return answers;
                });
    }

    /** Any 0-100 score for every trait. */
    static Arbitrary<Scores> scores() {
        return Arbitraries.integers().between(Scores.MIN, Scores.MAX)
                .list().ofSize(Trait.values().length)
                .map(values -> {
                    Map<Trait, Integer> byTrait = new EnumMap<>(Trait.class);
                    for (Trait trait : Trait.values()) {
                        byTrait.put(trait, values.get(trait.ordinal()));
                    }
                    return new Scores(byTrait);
                });
    }

    /** The instrument with one item's reverse-keyed flag flipped. */
    static Instrument withReverseFlipped(Instrument instrument, int itemIndex) {
        List<Instrument.Item> items = new ArrayList<>(instrument.items());
        Instrument.Item item = items.get(itemIndex);
        items.set(itemIndex, new Instrument.Item(item.id(), item.text(), item.trait(), !item.reverseKeyed()));
        return withItems(instrument, items);
    }

    static Instrument withItems(Instrument instrument, List<Instrument.Item> items) {
        return new Instrument(instrument.version(), instrument.title(), instrument.intro(), instrument.scale(),
                items, instrument.goals(), instrument.preferences());
    }
}
