package dev.sparks.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictRequestJsonTest {

    enum Colour { RED, GREEN }

    record Body(String name, Integer count, int size, Boolean flag, Double ratio, Colour colour, List<String> tags,
            Map<String, Integer> scores) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictRequestJson().customize(mapper);
        return mapper;
    }

    @Test
    void goodValuesAreRead() throws Exception {
        Body body = mapper.readValue("{\"name\": \"Zoë\\tÅström 😀\\nline\", \"count\": 3, \"size\": 2, \"flag\": true,"
                + " \"ratio\": 1, \"colour\": \"GREEN\", \"tags\": [\"a\"], \"scores\": {\"x\": 4}}", Body.class);
        assertThat(body).isEqualTo(new Body("Zoë\tÅström 😀\nline", 3, 2, true, 1.0, Colour.GREEN, List.of("a"),
                Map.of("x", 4)));
    }

    @Test
    void valuesOfAnotherTypeAreNotConverted() {
        for (String json : List.of("{\"name\": 12}", "{\"name\": true}", "{\"name\": 1.5}", "{\"count\": \"3\"}",
                "{\"count\": 2.5}", "{\"size\": 2.0}", "{\"count\": true}", "{\"count\": \"\"}", "{\"flag\": \"true\"}",
                "{\"flag\": 1}", "{\"ratio\": \"1.5\"}", "{\"colour\": 1}", "{\"tags\": [\"a\", null]}",
                "{\"scores\": {\"x\": null}}", "{\"tags\": [3]}")) {
            assertThatThrownBy(() -> mapper.readValue(json, Body.class)).as(json)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreRefusedInAnyText() {
        for (String json : List.of("{\"name\": \"a\\u0000b\"}", "{\"name\": \"\\u001b[31m\"}", "{\"name\": \"\\u007f\"}",
                "{\"tags\": [\"ok\", \"\\u0007\"]}", "{\"name\": \"\\ud800\"}", "{\"name\": \"x\\udc00\"}")) {
            assertThatThrownBy(() -> mapper.readValue(json, Body.class)).as(json)
                    .isInstanceOf(MismatchedInputException.class)
                    .hasMessageContaining("must");
        }
    }
}
