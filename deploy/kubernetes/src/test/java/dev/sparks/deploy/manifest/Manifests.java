package dev.sparks.deploy.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared by the tests: the repository, the renderer, the validator (built once), and rendered overlays (cached). */
public final class Manifests {

    public static final Path ROOT = Path.of(System.getProperty("sparks.root", "../..")).toAbsolutePath().normalize();
    public static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    public static final String STRIMZI_VERSION = System.getProperty("strimzi.version", "1.2.0");

    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();
    private static ManifestValidator validator;

    private Manifests() {
    }

    public static Kustomize kustomize() {
        return Kustomize.find();
    }

    public static List<ObjectNode> render(String dir) {
        return RENDERED.computeIfAbsent(KUBERNETES.resolve(dir), d -> {
            try {
                return kustomize().objects(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    public static synchronized ManifestValidator validator() throws IOException, InterruptedException {
        if (validator == null) {
            List<Path> crdSources = new ArrayList<>();
            crdSources.add(StrimziCrds.generate(KUBERNETES.resolve("target"), System.getProperty("java.class.path"), STRIMZI_VERSION));
            crdSources.add(KUBERNETES.resolve("schemas"));
            String extra = System.getProperty("sparks.crds", "");
            if (!extra.isBlank()) {
                crdSources.add(Path.of(extra));
            }
            validator = new ManifestValidator(CrdSchemas.load(crdSources));
        }
        return validator;
    }

    public static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return Policies.ofKind(objects, kind);
    }

    public static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the render"));
    }
}
