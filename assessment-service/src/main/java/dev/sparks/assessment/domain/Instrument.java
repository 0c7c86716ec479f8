package dev.sparks.assessment.domain;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One published version of the questionnaire, read from {@code instrument/<file>.json}.
 * The order of {@link #items()} is the order participants see them in.
 * Answers are stored against a version, so a version's items never change once published;
 * a new wording is a new version.
 */
public record Instrument(
        @Schema(examples = "2026.1") String version,
        @Schema(examples = "Sparks self-assessment: how you manage and how you lead") String title,
        @Schema(examples = "This assessment looks at two sets of strengths that work best together: managing "
                + "(structure, stability, results) and leading (people, change, direction).") String intro,
        Scale scale,
        List<Item> items,
        GoalQuestion goals,
        Preferences preferences) {

    public Instrument {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(scale, "scale");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(goals, "goals");
        Objects.requireNonNull(preferences, "preferences");
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /** The items measuring one trait, in presentation order. */
    public List<Item> itemsOf(Trait trait) {
        return items.stream().filter(item -> item.trait() == trait).toList();
    }

    /** The answer scale: consecutive integer points, lowest first. */
    public record Scale(@Schema(examples = "How often do you do this at work?") String question, List<Point> points) {

        public Scale {
            Objects.requireNonNull(question, "question");
            points = List.copyOf(Objects.requireNonNull(points, "points"));
        }

        public int min() {
            return points.stream().mapToInt(Point::value).min().orElseThrow();
        }

        public int max() {
            return points.stream().mapToInt(Point::value).max().orElseThrow();
        }

        public boolean contains(int value) {
            return value >= min() && value <= max();
        }

        public record Point(@Schema(examples = "4") int value, @Schema(examples = "Often") String label) {
        }
    }

    /**
     * One statement rated on the scale. A reverse-keyed item describes the absence of its trait,
     * so "Never" counts as the top of the trait and "Always" as the bottom.
     */
    public record Item(
            @Schema(examples = "fv-m-1") String id,
            @Schema(examples = "I break a piece of work into clear steps, with an owner and a date for each, before "
                    + "it starts.") String text,
            @Schema(examples = "FOCUS_AND_VISION_MANAGEMENT") Trait trait,
            @Schema(examples = "false") boolean reverseKeyed) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(trait, "trait");
        }
    }

    /** A value a participant can pick, with the words shown for it. */
    public record Choice<T>(T value, String label) {

        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /** What the participant wants from a mentor: several goals, ranked when {@code ranked}. */
    public record GoalQuestion(
            @Schema(examples = "What do you want from a mentor?") String question,
            @Schema(examples = "Choose as many as apply, then put them in order: the first is what you want most.")
            String instruction,
            @Schema(examples = "true") boolean ranked,
            @Schema(examples = "1") int minChoices,
            @Schema(examples = "4") int maxChoices,
            @Schema(examples = "[{\"value\": \"CAREER_ADVICE\", \"label\": \"Career advice\"}, "
                    + "{\"value\": \"NETWORKING\", \"label\": \"Networking\"}]")
            List<Choice<Goal>> options) {

        public GoalQuestion {
            options = List.copyOf(Objects.requireNonNull(options, "options"));
        }
    }

    /** The questions about the match besides growth. */
    public record Preferences(
            FieldQuestion field, LanguageQuestion languages, TimeZoneQuestion timeZone, NotesQuestion notes) {

        public Preferences {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(languages, "languages");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(notes, "notes");
        }
    }

    public record FieldQuestion(
            @Schema(examples = "Which field would you like your mentor to have experience in?") String question,
            @Schema(examples = "[{\"value\": \"BUSINESS\", \"label\": \"Business\"}, "
                    + "{\"value\": \"TECHNOLOGY\", \"label\": \"Technology\"}]")
            List<Choice<Field>> options) {

        public FieldQuestion {
            options = List.copyOf(Objects.requireNonNull(options, "options"));
        }

        public boolean accepts(Field field) {
            return options.stream().anyMatch(option -> option.value() == field);
        }
    }

    /** Languages as ISO 639-1 codes; only the offered codes are accepted. */
    public record LanguageQuestion(
            @Schema(examples = "Which languages could you hold mentoring conversations in?") String question,
            @Schema(examples = "ISO 639-1") String codeSystem,
            @Schema(examples = "1") int minChoices,
            @Schema(examples = "5") int maxChoices,
            @Schema(examples = "[{\"value\": \"en\", \"label\": \"English\"}, "
                    + "{\"value\": \"de\", \"label\": \"German\"}]")
            List<Choice<String>> options) {

        public LanguageQuestion {
            options = List.copyOf(Objects.requireNonNull(options, "options"));
        }

        public boolean accepts(String code) {
            return options.stream().anyMatch(option -> option.value().equals(code));
        }
    }

    /** A time zone as an IANA id such as {@code Europe/Berlin}. */
    public record TimeZoneQuestion(
            @Schema(examples = "Which time zone do you work in?") String question,
            @Schema(examples = "IANA") String codeSystem,
            @Schema(examples = "Europe/Berlin") String example) {

        public boolean accepts(String zoneId) {
            return zoneId != null && ZoneId.getAvailableZoneIds().contains(zoneId);
        }
    }

    /** Optional free text about the match, at most {@code maxLength} characters. */
    public record NotesQuestion(
            @Schema(examples = "Anything else a good match should know? (optional)") String question,
            @Schema(examples = "1000") int maxLength) {

        public boolean accepts(String notes) {
            return notes == null || notes.length() <= maxLength;
        }
    }
}
