package dev.sparks.platform.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The four services as operators run them: one packaged application each. */
public enum Service {
    ASSESSMENT("assessment-service"),
    MENTOR("mentor-service"),
    MATCHING("matching-service"),
    NOTIFICATION("notification-service");

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|connector)");

    private final String module;

    Service(String module) {
        this.module = module;
    }

    /** The Maven module and application name, e.g. {@code matching-service}. */
    public String module() {
        return module;
    }

    /** The database the platform tests give this service: {@code sparks_matching_platform}. */
    public String database() {
        return "sparks_" + module.replace("-service", "") + "_platform";
    }

    /** {@code <module>/target/quarkus-app}, the packaged application built earlier in the same reactor. */
    public Path packagedApp() {
        return Project.root().resolve(module).resolve("target/quarkus-app");
    }

    /**
     * The service's incoming Kafka channels and their topics, read from the application.properties packaged with
     * it (in {@code quarkusApp}), so channels a service adds later get their own consumer group here without a
     * change to the harness.
     */
    Map<String, String> incomingChannels(Path quarkusApp) {
        Path appDir = quarkusApp.resolve("app");
        Path appJar;
        try (Stream<Path> jars = Files.list(appDir)) {
            appJar = jars.filter(path -> path.getFileName().toString().startsWith(module)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + module + " jar in " + appDir));
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged " + module + " is missing (build it first)", e);
        }
        Properties properties = new Properties();
        try (JarFile jar = new JarFile(appJar.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> channels = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = INCOMING.matcher(key);
            if (matcher.matches()) {
                String channel = matcher.group(1);
                channels.put(channel, properties.getProperty("mp.messaging.incoming." + channel + ".topic", channel));
            }
        }
        return channels;
    }
}
