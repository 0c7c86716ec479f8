package dev.sparks.deploy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization offline with the real Kustomize: the standalone {@code kustomize} binary when it is on the
 * PATH (Debian's package from Debian 13 on), otherwise the Kustomize built into {@code kubectl}
 * ({@code kubectl kustomize}). No Java implementation of Kustomize exists, and a look-alike would validate
 * something other than what a cluster receives.
 */
public final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    public static Kustomize find() {
        return onPath("kustomize").map(k -> new Kustomize(List.of(k, "build")))
                .or(() -> onPath("kubectl").map(k -> new Kustomize(List.of(k, "kustomize"))))
                .orElseThrow(() -> new IllegalStateException("Rendering needs kustomize or kubectl on the PATH "
                        + "(apt-get install kustomize, on Debian 13 and later; or any kubectl since 1.14)"));
    }

    public String describe() {
        return String.join(" ", command);
    }

    /** The rendered YAML of the kustomization in {@code dir}, or an exception carrying Kustomize's error. */
    public String render(Path dir) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.add(dir.toString());
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new RenderException(dir + " does not render: " + new String(err, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    public List<ObjectNode> objects(Path dir) throws IOException, InterruptedException {
        return parse(render(dir));
    }

    public static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode doc = documents.next();
                if (doc instanceof ObjectNode object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static Optional<String> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Kustomize refused the kustomization. */
    public static final class RenderException extends IOException {
        public RenderException(String message) {
            super(message);
        }
    }
}
