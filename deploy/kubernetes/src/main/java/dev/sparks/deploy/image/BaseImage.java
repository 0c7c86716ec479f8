package dev.sparks.deploy.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The minimal Java runtime image the services run on, built from this machine's JDK without a daemon or a registry:
 * a jlink'd JRE, the shared libraries it links against, and a non-root user. For real clusters the base is a pinned
 * upstream JRE image instead (see {@link BuildImages}); this one exists so that images can be built and run where
 * no registry is reachable.
 */
public final class BaseImage {

    /** The user every Sparks container runs as; the manifests' securityContext uses the same numbers. */
    public static final int UID = 10001;
    public static final String REFERENCE = "sparks/jre:17";
    public static final String JAVA_HOME = "/opt/java";

    /**
     * What Quarkus, Hibernate, Narayana (java.rmi), the Kafka client (SASL, JAAS) and the PostgreSQL driver load at
     * run time; checked by starting each service inside its image (build-images --verify). java.desktop is there
     * for java.beans (Hibernate and Jackson use it); its AWT libraries are never loaded headless, so their X11
     * dependencies are not copied.
     */
    static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop", "java.instrument",
            "java.logging", "java.management", "java.naming", "java.net.http", "java.rmi", "java.scripting",
            "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa", "java.xml", "jdk.charsets",
            "jdk.crypto.ec", "jdk.jfr", "jdk.localedata", "jdk.management", "jdk.naming.dns", "jdk.net",
            "jdk.security.auth", "jdk.security.jgss", "jdk.unsupported", "jdk.zipfs");

    private static final Set<String> HEADLESS_UNUSED = Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so",
            "libjsound.so", "libfontmanager.so", "liblcms.so", "libjavajpeg.so", "libmlib_image.so", "libawt.so");

    private final Path jdk;
    private final Path workDir;

    public BaseImage(Path jdk, Path workDir) {
        this.jdk = jdk;
        this.workDir = workDir;
    }

    /** Builds the base image as an image tarball and returns its path; the jlink output is reused while the JDK is the same. */
    public Path build() throws Exception {
        Path jre = jlink();
        Path tar = workDir.resolve("sparks-jre.tar");
        Instant epoch = Instant.EPOCH;

        FileEntriesLayer.Builder runtime = FileEntriesLayer.builder().setName("jre");
        addTree(runtime, jre, AbsoluteUnixPath.get(JAVA_HOME), epoch);

        FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("shared-libraries");
        for (String lib : sharedLibraries(jre)) {
            Path source = Path.of(lib).toRealPath();
            libs.addEntry(source, AbsoluteUnixPath.get(lib), FilePermissions.fromOctalString("755"), epoch);
        }

        Path etc = Files.createDirectories(workDir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"),
                "root:x:0:0:root:/root:/sbin/nologin\nsparks:x:" + UID + ":" + UID + ":sparks:/deployments:/sbin/nologin\n",
                StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\nsparks:x:" + UID + ":\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n", StandardCharsets.UTF_8);
        Path empty = Files.createDirectories(workDir.resolve("empty"));
        FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system");
        for (String name : List.of("passwd", "group", "nsswitch.conf")) {
            system.addEntry(etc.resolve(name), AbsoluteUnixPath.get("/etc/" + name), FilePermissions.fromOctalString("644"), epoch);
        }
        // /tmp is an emptyDir volume in Kubernetes; in the image it exists so that a plain run works too.
        system.addEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), epoch);

        // Docker's archive format: jib reads a tarball base image only in that form (the service images are OCI).
        Jib.fromScratch()
                .setFormat(ImageFormat.Docker)
                .setCreationTime(epoch)
                .setFileEntriesLayers(libs.build(), runtime.build(), system.build())
                .addEnvironmentVariable("JAVA_HOME", JAVA_HOME)
                .addEnvironmentVariable("PATH", JAVA_HOME + "/bin:/usr/bin:/bin")
                .addEnvironmentVariable("LANG", "C.UTF-8")
                .setUser(UID + ":" + UID)
                .addLabel("org.opencontainers.image.title", "sparks-jre")
                .addLabel("org.opencontainers.image.description", "jlink'd Java " + Runtime.version().feature() + " runtime for the Sparks services")
                .containerize(Containerizer.to(TarImage.at(tar).named(REFERENCE)));
        return tar;
    }

    private Path jlink() throws IOException, InterruptedException {
        Path jre = workDir.resolve("jre");
        Path stamp = workDir.resolve("jre.modules");
        String wanted = String.join(",", MODULES) + " " + Files.readString(jdk.resolve("release"));
        if (Files.exists(jre.resolve("release")) && Files.exists(stamp) && Files.readString(stamp).equals(wanted)) {
            return jre;
        }
        delete(jre);
        Files.createDirectories(workDir);
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES),
                "--include-locales=en", "--strip-debug", "--no-man-pages", "--no-header-files",
                "--output", jre.toString()));
        Files.writeString(stamp, wanted);
        return jre;
    }

    /** The absolute paths of the libraries that the JRE's binaries load, as the dynamic loader resolves them here. */
    private static Set<String> sharedLibraries(Path jre) throws IOException, InterruptedException {
        Set<String> libs = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(jre)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().endsWith("bin") || f.getFileName().toString().endsWith(".so"))
                    .filter(f -> !HEADLESS_UNUSED.contains(f.getFileName().toString()))
                    .forEach(binaries::add);
        }
        for (Path binary : binaries) {
            String out = run(List.of("ldd", binary.toString()));
            for (String line : out.split("\n")) {
                String l = line.trim();
                int arrow = l.indexOf("=> ");
                String path = arrow >= 0 ? l.substring(arrow + 3).split(" ")[0] : l.split(" ")[0];
                if (path.startsWith("/") && !path.startsWith(jre.toString())) {
                    libs.add(path);
                }
            }
        }
        return libs;
    }

    private static void addTree(FileEntriesLayer.Builder layer, Path root, AbsoluteUnixPath target, Instant time) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.equals(root)) {
                    continue;
                }
                String relative = root.relativize(file).toString();
                layer.addEntry(file, target.resolve(relative), permissions(file), time);
            }
        }
    }

    static FilePermissions permissions(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        boolean executable = Files.isDirectory(file) || perms.contains(PosixFilePermission.OWNER_EXECUTE);
        return FilePermissions.fromOctalString(executable ? "755" : "644");
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }
}
