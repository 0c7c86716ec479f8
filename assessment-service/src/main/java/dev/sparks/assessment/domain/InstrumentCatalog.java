package dev.sparks.assessment.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Trait;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The published versions of the instrument, read once from the classpath and checked on load.
 * {@code <directory>/versions.json} names every version, its file and the current one, so a new version
 * is a new JSON file plus one line there; no code changes.
 */
public final class InstrumentCatalog {

    public static final String DEFAULT_DIRECTORY = "instrument";
    /** Fewer items than this per dimension side makes a side's score too noisy to act on. */
    public static final int MIN_ITEMS_PER_DIMENSION_SIDE = 4;
    public static final int MIN_ITEMS_PER_BEHAVIOUR = 3;

    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private final Map<String, Instrument> byVersion;
    private final String current;

    private InstrumentCatalog(Map<String, Instrument> byVersion, String current) {
        this.byVersion = Collections.unmodifiableMap(new LinkedHashMap<>(byVersion));
        this.current = current;
    }

    /** The versions bundled with the service, loaded once per class loader. */
    public static InstrumentCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** Reads and checks {@code <directory>/versions.json} and every version it lists. */
    public static InstrumentCatalog load(String directory) {
        ClassLoader loader = InstrumentCatalog.class.getClassLoader();
        String indexPath = directory + "/versions.json";
        VersionIndex index = read(loader, indexPath, VersionIndex.class);
        List<String> problems = new ArrayList<>();
        Map<String, Instrument> byVersion = new LinkedHashMap<>();
        if (index.versions() == null || index.versions().isEmpty()) {
            problems.add("no versions listed");
        } else {
            for (VersionEntry entry : index.versions()) {
                if (entry.version() == null || entry.file() == null) {
                    problems.add("every version needs a version and a file");
                    continue;
                }
                String path = directory + "/" + entry.file();
                Instrument instrument = read(loader, path, Instrument.class);
                List<String> instrumentProblems = validate(instrument);
                if (!instrumentProblems.isEmpty()) {
                    throw new InvalidInstrumentException(path, instrumentProblems);
                }
                if (!entry.version().equals(instrument.version())) {
                    problems.add(path + " declares version " + instrument.version()
                            + " but versions.json lists it as " + entry.version());
                }
                if (byVersion.putIfAbsent(entry.version(), instrument) != null) {
                    problems.add("version " + entry.version() + " is listed twice");
                }
            }
        }
        if (index.current() == null || !byVersion.containsKey(index.current())) {
            problems.add("current version " + index.current() + " is not among the listed versions");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstrumentException(indexPath, problems);
        }
        return new InstrumentCatalog(byVersion, index.current());
    }

    /** The version new assessments start on. */
    public Instrument current() {
        return byVersion.get(current);
    }

    public Optional<Instrument> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** Every published version id, in the order versions.json lists them. */
    public List<String> versions() {
        return List.copyOf(byVersion.keySet());
    }

    /**
     * Everything wrong with an instrument, empty when it can be published: unique well-formed item ids,
     * every trait measured by at least its minimum number of items, no two neighbouring items on the same trait,
     * a scale of consecutive integer points, and well-formed goal and preference questions.
     */
    public static List<String> validate(Instrument instrument) {
        List<String> problems = new ArrayList<>();
        if (instrument.version().isBlank()) {
            problems.add("version is blank");
        }
        if (instrument.title().isBlank() || instrument.intro().isBlank()) {
            problems.add("title and intro must not be blank");
        }
        validateScale(instrument.scale(), problems);
        validateItems(instrument.items(), problems);
        validateGoals(instrument.goals(), problems);
        validatePreferences(instrument.preferences(), problems);
        return problems;
    }

    private static void validateScale(Instrument.Scale scale, List<String> problems) {
        List<Instrument.Scale.Point> points = scale.points();
        if (points.size() < 2) {
            problems.add("the scale needs at least two points");
            return;
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).value() != points.get(i - 1).value() + 1) {
                problems.add("scale values must be consecutive integers in ascending order, found "
                        + points.stream().map(Instrument.Scale.Point::value).toList());
                break;
            }
        }
        if (points.stream().anyMatch(point -> point.label() == null || point.label().isBlank())) {
            problems.add("every scale point needs a label");
        }
    }

    private static void validateItems(List<Instrument.Item> items, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Map<Trait, Integer> counts = new LinkedHashMap<>();
        Instrument.Item previous = null;
        for (Instrument.Item item : items) {
            if (!ITEM_ID.matcher(item.id()).matches()) {
                problems.add("item id '" + item.id() + "' is not lower-case words joined by hyphens");
            }
            if (!seen.add(item.id())) {
                problems.add("item id " + item.id() + " is used more than once");
            }
            if (item.text().isBlank()) {
                problems.add("item " + item.id() + " has no text");
            }
            if (previous != null && previous.trait() == item.trait()) {
                problems.add("items " + previous.id() + " and " + item.id()
                        + " are neighbours on the same trait; interleave them");
            }
            counts.merge(item.trait(), 1, Integer::sum);
            previous = item;
        }
        for (Trait trait : Trait.values()) {
            int minimum = trait.isBehaviour() ? MIN_ITEMS_PER_BEHAVIOUR : MIN_ITEMS_PER_DIMENSION_SIDE;
            int count = counts.getOrDefault(trait, 0);
            if (count < minimum) {
                problems.add(trait + " has " + count + " items, needs at least " + minimum);
            }
        }
    }

    private static void validateGoals(Instrument.GoalQuestion goals, List<String> problems) {
        if (goals.options().isEmpty()) {
            problems.add("no goal options");
        }
        if (goals.options().stream().map(Instrument.Choice::value).distinct().count() != goals.options().size()) {
            problems.add("a goal is offered more than once");
        }
        if (goals.minChoices() < 1 || goals.minChoices() > goals.maxChoices()
                || goals.maxChoices() > goals.options().size()) {
            problems.add("goal choices must satisfy 1 <= minChoices <= maxChoices <= number of options");
        }
    }

    private static void validatePreferences(Instrument.Preferences preferences, List<String> problems) {
        List<Instrument.Choice<Field>> fields = preferences.field().options();
        if (fields.isEmpty() || fields.stream().map(Instrument.Choice::value).distinct().count() != fields.size()) {
            problems.add("field options must be present and distinct");
        }
        Instrument.LanguageQuestion languages = preferences.languages();
        for (Instrument.Choice<String> option : languages.options()) {
            if (!ISO_639_1.contains(option.value())) {
                problems.add("language " + option.value() + " is not an ISO 639-1 code");
            }
        }
        if (languages.minChoices() < 1 || languages.minChoices() > languages.maxChoices()
                || languages.options().isEmpty()) {
            problems.add("language choices must satisfy 1 <= minChoices <= maxChoices with at least one option");
        }
        if (!preferences.timeZone().accepts(preferences.timeZone().example())) {
            problems.add("time zone example " + preferences.timeZone().example() + " is not an IANA zone id");
        }
        if (preferences.notes().maxLength() < 1) {
            problems.add("notes maxLength must be positive");
        }
    }

    private static <T> T read(ClassLoader loader, String path, Class<T> type) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidInstrumentException(path, List.of("resource not found on the classpath"));
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new InvalidInstrumentException(path, e);
        }
    }

    /** The shape of versions.json. */
    private record VersionIndex(String current, List<VersionEntry> versions) {
    }

    private record VersionEntry(String version, String file) {
    }

    private static final class Bundled {
        static final InstrumentCatalog CATALOG = load(DEFAULT_DIRECTORY);
    }
}
