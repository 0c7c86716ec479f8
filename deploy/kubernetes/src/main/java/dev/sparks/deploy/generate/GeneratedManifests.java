package dev.sparks.deploy.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sparks.deploy.SparksService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files under deploy/kubernetes that are made from other files, never edited by hand: each service's
 * Quarkus-generated manifest, the KafkaTopics from deploy/local/topics.conf, and the KeycloakRealmImport from the
 * local realm. {@code deploy/kubernetes/refresh} writes them; GeneratedFilesTest fails when a committed copy differs
 * from what this class makes now.
 */
public final class GeneratedManifests {

    public static final String KAFKA_CLUSTER = "sparks-kafka";
    public static final String KEYCLOAK = "sparks-keycloak";
    /** The realm's placeholder for the HR client's secret, and where the import job reads it from. */
    public static final String HR_SECRET_PLACEHOLDER = "SPARKS_HR_CLIENT_SECRET";
    public static final String HR_SECRET = "sparks-hr-client";

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private final Path root;

    public GeneratedManifests(Path root) {
        this.root = root;
    }

    public Path kubernetesDir() {
        return root.resolve("deploy/kubernetes");
    }

    /** Every generated file and the content it must have now. A service whose build output is missing is left out. */
    public Map<Path, String> expected() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        for (SparksService service : SparksService.all()) {
            Path built = quarkusManifest(service);
            if (Files.isRegularFile(built)) {
                files.put(serviceManifest(service), serviceManifest(service, Files.readString(built)));
            }
        }
        files.put(kubernetesDir().resolve("infra/kafka-topics.yaml"), kafkaTopics());
        files.put(kubernetesDir().resolve("infra/keycloak-realm-import.yaml"), realmImport());
        files.put(kubernetesDir().resolve("overlays/dev/realm-demo-users.yaml"), demoUsersPatch());
        return files;
    }

    public Path quarkusManifest(SparksService service) {
        return service.directory(root).resolve("target/kubernetes/kubernetes.yml");
    }

    public Path serviceManifest(SparksService service) {
        return kubernetesDir().resolve("base/generated/" + service.module() + ".yaml");
    }

    /** Quarkus' output with the header; the content itself is copied unchanged. */
    public static String serviceManifest(SparksService service, String quarkusOutput) {
        String body = quarkusOutput.startsWith("---\n") ? quarkusOutput.substring(4) : quarkusOutput;
        return header("quarkus-kubernetes at package time (" + service.module() + "/target/kubernetes/kubernetes.yml),\n"
                + "# configured in sparks-common's META-INF/microprofile-config.properties") + body;
    }

    /** One KafkaTopic per topic of topics.conf, except the topics only tests use. */
    public String kafkaTopics() throws IOException {
        StringBuilder out = new StringBuilder(header("deploy/local/topics.conf (the platform's only list of topics)"));
        out.append("# Replication 3 and min.insync.replicas 2 here; overlays/dev sets 1 for its single broker.\n");
        for (Topic topic : Topic.read(root.resolve("deploy/local/topics.conf"))) {
            if (topic.testOnly()) {
                continue;
            }
            ObjectNode resource = JSON.createObjectNode();
            resource.put("apiVersion", "kafka.strimzi.io/v1");
            resource.put("kind", "KafkaTopic");
            ObjectNode metadata = resource.putObject("metadata");
            metadata.put("name", topic.name());
            metadata.putObject("labels").put("strimzi.io/cluster", KAFKA_CLUSTER);
            ObjectNode spec = resource.putObject("spec");
            spec.put("topicName", topic.name());
            spec.put("partitions", topic.partitions());
            spec.put("replicas", 3);
            ObjectNode config = spec.putObject("config");
            config.put("min.insync.replicas", "2");
            topic.config().forEach(config::put);
            out.append("---\n").append(YAML.writeValueAsString(resource));
        }
        return out.toString();
    }

    /**
     * The local realm as a KeycloakRealmImport: the same roles and clients, the HR client's secret from a Secret
     * through the operator's placeholders (the realm file already reads it as ${SPARKS_HR_CLIENT_SECRET:...}), and
     * only the service-account users: the demo people are added by overlays/dev alone.
     */
    public String realmImport() throws IOException {
        ObjectNode realm = (ObjectNode) localRealm();
        ArrayNode users = (ArrayNode) realm.get("users");
        ArrayNode kept = JSON.createArrayNode();
        users.forEach(u -> {
            if (isServiceAccount(u)) {
                kept.add(u);
            }
        });
        realm.set("users", kept);
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "sparks-realm");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        spec.putObject("placeholders").putObject(HR_SECRET_PLACEHOLDER).putObject("secret")
                .put("name", HR_SECRET).put("key", "secret");
        spec.set("realm", realm);
        return header("deploy/local/realm/sparks-realm.json (the local run's realm), without its demo users")
                + YAML.writeValueAsString(resource);
    }

    /** The demo users of the local realm, appended by overlays/dev to the import's users (a JSON patch). */
    public String demoUsersPatch() throws IOException {
        ArrayNode patch = JSON.createArrayNode();
        for (JsonNode user : localRealm().get("users")) {
            if (!isServiceAccount(user)) {
                ObjectNode op = patch.addObject();
                op.put("op", "add");
                op.put("path", "/spec/realm/users/-");
                op.set("value", user);
            }
        }
        return header("deploy/local/realm/sparks-realm.json: its demo users (password sparks-demo), for dev only")
                + YAML.writeValueAsString(patch);
    }

    public JsonNode localRealm() throws IOException {
        return JSON.readTree(root.resolve("deploy/local/realm/sparks-realm.json").toFile());
    }

    public static boolean isServiceAccount(JsonNode user) {
        return user.path("username").asText().startsWith("service-account-");
    }

    static String header(String source) {
        return "# Generated by deploy/kubernetes/refresh: do not edit.\n# Source: " + source + ".\n"
                + "# Change the source and run deploy/kubernetes/refresh; the sparks-kubernetes tests fail while this copy differs.\n";
    }

    /** Writes every generated file; returns those whose content changed. */
    public List<Path> write() throws IOException {
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<Path, String> file : expected().entrySet()) {
            Path path = file.getKey();
            if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                changed.add(path);
            }
        }
        return changed;
    }

    public static void main(String[] args) throws IOException {
        GeneratedManifests generated = new GeneratedManifests(Path.of(System.getProperty("sparks.root", ".")).toAbsolutePath().normalize());
        for (SparksService service : SparksService.all()) {
            if (!Files.isRegularFile(generated.quarkusManifest(service))) {
                throw new IllegalStateException(generated.quarkusManifest(service) + " is missing: package " + service.module() + " first");
            }
        }
        List<Path> changed = generated.write();
        changed.forEach(p -> System.out.println("  " + generated.root.relativize(p)));
        System.out.println(changed.isEmpty() ? "Generated files are up to date." : "Review the diff and commit it with the change that caused it.");
    }
}
