package dev.sparks.deploy.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens an OCI image tarball as a container runtime would and proves the image is what the manifests expect:
 * its config (a numeric non-root user, the java entrypoint, the exposed port), and its filesystem, by extracting
 * the layers and running the image's own java in them (chroot, with /proc mounted, the root read-only and /tmp a
 * tmpfs, as the pod's securityContext and emptyDir have it). Needs root, or a user namespace (unshare -r).
 *
 * <p>{@code VerifyImage <image.tar>}: config, layers and {@code java -version} inside the image.
 * {@code VerifyImage <image.tar> --start PORT [KEY=VALUE...]}: also starts the service's entrypoint inside the image
 * against the local infrastructure, waits for readiness, prints its resident memory, and stops it.
 */
public final class VerifyImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the tarball holds. */
    public record ImageConfig(String reference, String user, List<String> entrypoint, List<String> exposedPorts,
            Map<String, String> env, String workingDir, List<String> layerDigests) {

        public boolean runsAsNonRoot() {
            String uid = user.split(":")[0];
            return uid.matches("\\d+") && Integer.parseInt(uid) != 0;
        }
    }

    public static ImageConfig readConfig(Path tar, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        BaseImage.run(List.of("tar", "-xf", tar.toString(), "-C", into.toString()));
        JsonNode index = JSON.readTree(into.resolve("index.json").toFile());
        JsonNode manifestRef = index.path("manifests").get(0);
        JsonNode manifest = JSON.readTree(blob(into, manifestRef.path("digest").asText()).toFile());
        JsonNode config = JSON.readTree(blob(into, manifest.path("config").path("digest").asText()).toFile()).path("config");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        List<String> layers = new ArrayList<>();
        manifest.path("layers").forEach(l -> layers.add(l.path("digest").asText()));
        return new ImageConfig(manifestRef.path("annotations").path("org.opencontainers.image.ref.name").asText(),
                config.path("User").asText(""), entrypoint, ports, env, config.path("WorkingDir").asText(), layers);
    }

    /** Applies the layers in order into {@code rootfs}, as a runtime's snapshotter does. */
    public static Path extract(Path layout, ImageConfig config, Path rootfs) throws IOException, InterruptedException {
        Files.createDirectories(rootfs);
        for (String digest : config.layerDigests()) {
            BaseImage.run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob(layout, digest).toString(), "-C", rootfs.toString()));
        }
        Files.createDirectories(rootfs.resolve("proc")); // the runtime's mount point
        return rootfs;
    }

    /**
     * Runs {@code command} inside the extracted image as its user, the way a pod with a read-only root filesystem
     * and an emptyDir on /tmp would. The process's environment is the image's plus {@code extraEnv}.
     */
    public static Process runInside(Path rootfs, ImageConfig config, List<String> command, Map<String, String> extraEnv)
            throws IOException {
        String root = rootfs.toAbsolutePath().toString();
        // Host tools by absolute path: the environment (PATH included) is the image's, for the lookup of java inside.
        String mount = hostTool("mount");
        String script = mount + " --bind '" + root + "' '" + root + "' && " + mount + " -o remount,bind,ro '" + root + "' && "
                + mount + " -t proc proc '" + root + "/proc' && " + mount + " -t tmpfs -o size=64m tmpfs '" + root + "/tmp' && "
                + "exec " + hostTool("chroot") + " --userspec=" + config.user() + " '" + root + "' \"$@\"";
        List<String> argv = new ArrayList<>(List.of(hostTool("unshare"), "--mount", "--pid", "--fork", "--kill-child", hostTool("sh"), "-c", script, "sh"));
        if (!isRoot()) {
            argv.addAll(1, List.of("--user", "--map-root-user"));
        }
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(config.env());
        builder.environment().putAll(extraEnv);
        // The working directory applies inside the chroot: chroot starts in /, so the entrypoint uses absolute paths.
        return builder.start();
    }

    public static void main(String[] args) throws Exception {
        Path tar = Path.of(args[0]).toAbsolutePath();
        Path work = tar.resolveSibling(tar.getFileName().toString().replace(".tar", "") + "-verify");
        BaseImage.delete(work);
        ImageConfig config = readConfig(tar, work.resolve("layout"));
        require(config.runsAsNonRoot(), "user is numeric and not root: " + config.user());
        require(!config.entrypoint().isEmpty() && config.entrypoint().get(0).equals("java"), "entrypoint runs java: " + config.entrypoint());
        require(config.entrypoint().contains("/deployments/quarkus-run.jar"), "entrypoint runs the fast-jar");
        require(config.exposedPorts().size() == 1, "one exposed port: " + config.exposedPorts());
        System.out.printf("%s: user %s, entrypoint %s, port %s, %d layers%n", config.reference(), config.user(),
                config.entrypoint(), config.exposedPorts(), config.layerDigests().size());
        Path rootfs = extract(work.resolve("layout"), config, work.resolve("rootfs"));
        require(Files.isRegularFile(rootfs.resolve("deployments/quarkus-run.jar")), "the fast-jar is in /deployments");

        String version = output(runInside(rootfs, config, List.of("java", "-version"), Map.of()));
        require(version.contains("OpenJDK"), "java runs inside the image:\n" + version);
        System.out.println("  java inside the image, as " + config.user() + " on a read-only root: " + version.lines().findFirst().orElse(""));

        int start = List.of(args).indexOf("--start");
        if (start >= 0) {
            int port = Integer.parseInt(args[start + 1]);
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = start + 2; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                env.put(kv[0], kv[1]);
            }
            startAndMeasure(rootfs, config, port, env);
        }
        BaseImage.delete(work);
    }

    /** Starts the entrypoint, waits (bounded) for readiness, reports the JVM's resident memory, and stops it. */
    static void startAndMeasure(Path rootfs, ImageConfig config, int port, Map<String, String> env) throws Exception {
        Path log = rootfs.getParent().resolve("service.log");
        Process service = runInside(rootfs, config, config.entrypoint(), env);
        Thread copier = new Thread(() -> {
            try (InputStream in = service.getInputStream()) {
                Files.copy(in, log);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        copier.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            boolean ready = false;
            for (int i = 0; i < 120 && !ready && service.isAlive(); i++) {
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!ready) {
                    Thread.sleep(1000);
                }
            }
            require(ready, "the service inside the image became ready; its log: " + log);
            for (String path : List.of("/q/health", "/q/metrics", "/q/openapi")) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.discarding());
            }
            Optional<ProcessHandle> java = service.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst();
            require(java.isPresent(), "found the service's JVM");
            String status = Files.readString(Path.of("/proc/" + java.get().pid() + "/status"));
            String rss = status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
            String hwm = status.lines().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?");
            System.out.println("  started inside the image and ready on port " + port + "; " + rss.replaceAll("\\s+", " ")
                    + ", peak " + hwm.replaceAll("\\s+", " ") + " (JAVA_TOOL_OPTIONS=" + env.getOrDefault("JAVA_TOOL_OPTIONS", "") + ")");
            java.get().destroy();
        } finally {
            service.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
            service.destroyForcibly();
            copier.join(5000);
        }
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static String output(Process process) throws IOException, InterruptedException {
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private static String hostTool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return dir + "/" + name;
            }
        }
        throw new IllegalStateException(name + " is needed to run the image's filesystem (util-linux, coreutils)");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("image check failed: " + what);
        }
    }

    private VerifyImage() {
    }
}
