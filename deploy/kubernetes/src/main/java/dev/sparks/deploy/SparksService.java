package dev.sparks.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The four services that run on Kubernetes, with the port each listens on (their application.properties). */
public enum SparksService {
    ASSESSMENT("assessment-service", 8081),
    MENTOR("mentor-service", 8082),
    MATCHING("matching-service", 8083),
    NOTIFICATION("notification-service", 8084);

    private final String module;
    private final int port;

    SparksService(String module, int port) {
        this.module = module;
        this.port = port;
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public Path directory(Path root) {
        return root.resolve(module);
    }

    public static SparksService byModule(String module) {
        return Arrays.stream(values()).filter(s -> s.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    public static List<SparksService> all() {
        return List.of(values());
    }
}
