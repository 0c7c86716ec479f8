package dev.sparks.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deliberately broken variants of the overlays (src/test/resources/broken/<case>: a kustomization on top of
 * overlays/dev or overlays/prod that breaks one thing), each of which the validation must refuse with the named
 * finding. The unbroken overlays pass (RenderedOverlaysTest), so each finding is the break's.
 */
class BrokenManifestTest {

    static final Path CASES = Manifests.KUBERNETES.resolve("src/test/resources/broken");

    static Stream<String> cases() throws Exception {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theValidationRefusesTheBrokenManifest(String name) throws Exception {
        Path dir = CASES.resolve(name);
        List<String> expect = Files.readAllLines(dir.resolve("expect.txt"));
        String check = expect.get(0).strip();
        String text = expect.get(1).strip();
        boolean production = Files.readString(dir.resolve("kustomization.yaml")).contains("overlays/prod");

        List<Finding> findings = Manifests.validator().validate(Manifests.kustomize().objects(dir), production);

        assertThat(findings).as("the broken manifest %s is refused", name).isNotEmpty();
        assertThat(findings).as("a %s finding naming %s", check, text)
                .anySatisfy(f -> {
                    assertThat(f.check()).startsWith(check);
                    assertThat(f.toString()).contains(text);
                });
    }

    @Test
    void aKustomizationThatDoesNotRenderFailsWithKustomizesError() {
        assertThatThrownBy(() -> Manifests.kustomize().objects(CASES.resolve("../unrenderable")))
                .isInstanceOf(Kustomize.RenderException.class)
                .hasMessageContaining("does not render");
    }

    @Test
    void everyCaseNamesTheFindingItExpects() throws Exception {
        assertThat(cases().toList()).hasSizeGreaterThanOrEqualTo(10);
    }
}
