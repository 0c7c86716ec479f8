package dev.sparks.platform.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The four services started as operators run them: the packaged applications as separate {@code java -jar}
 * processes against the real Kafka, PostgreSQL, Keycloak and GreenMail of deploy/local/infra-up.
 *
 * <p>Each service gets a free port, its own database {@code sparks_<service>_platform} (dropped and created again
 * by {@link #start}) and, per platform, its own Kafka consumer group {@code <service>-platform-<run>} placed at the
 * current end of the shared topics, so nothing that other tests published earlier reaches it. Logs go to
 * {@code target/platform-logs/<service>.log}. The services run from a copy of their packaged application, taken
 * once per test run, so rebuilding a service meanwhile does not change the jars under a running process.
 *
 * <pre>{@code
 * try (Platform platform = Platform.start()) {
 *     String mentors = platform.url(Service.MENTOR);        // http://127.0.0.1:<port>
 *     platform.instance(Service.MATCHING).kill();           // SIGKILL
 *     platform.instance(Service.MATCHING).restart();        // same port, database and group; waits until ready
 *     ServiceInstance second = platform.startReplica(Service.NOTIFICATION);
 *     long open = platform.database(Service.MATCHING).count("select count(*) from match");
 * }
 * }</pre>
 * Only one platform runs at a time (the database names are fixed): failsafe runs test classes one after another,
 * and a PostgreSQL advisory lock makes a platform of another clone on the same server wait for this one.
 */
public final class Platform implements AutoCloseable {

    private static final AtomicBoolean FRESH_LOGS = new AtomicBoolean(true);

    private final String run;
    private final Map<Service, Map<String, String>> properties;
    private final Map<Service, List<ServiceInstance>> instances = new EnumMap<>(Service.class);
    private final Map<Service, Path> apps = new EnumMap<>(Service.class);
    private final Map<Service, Database> databases = new EnumMap<>(Service.class);
    private final Map<Service, Set<String>> topics = new EnumMap<>(Service.class);
    private final Set<Integer> ports = new HashSet<>();
    private Connection lock;

    private Platform(Map<Service, Map<String, String>> properties) {
        this.run = UUID.randomUUID().toString().substring(0, 8);
        this.properties = properties;
    }

    /** All four services with their production settings. */
    public static Platform start() {
        return builder().start();
    }

    /** For settings a test needs on top of the production ones, e.g. a shorter poll interval. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);

        private Builder() {
        }

        /** A configuration property (passed as {@code -Dkey=value}) for every instance of {@code service}. */
        public Builder property(Service service, String key, String value) {
            properties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /** Starts the four services at once and returns when every one is ready. */
        public Platform start() {
            Platform platform = new Platform(properties);
            try {
                platform.boot();
                return platform;
            } catch (RuntimeException | Error e) {
                platform.close();
                throw e;
            }
        }
    }

    private void boot() {
        lock = Database.exclusive("sparks-platform-tests");
        prepareLogs();
        for (Service service : Service.values()) {
            apps.put(service, PackagedApps.copy(service));
            databases.put(service, Database.recreate(service.database()));
            Set<String> serviceTopics = new HashSet<>(service.incomingChannels(apps.get(service)).values());
            topics.put(service, serviceTopics);
            ConsumerGroups.startAtEnd(groupId(service), ConsumerGroups.existingTopics(serviceTopics));
        }
        List<ServiceInstance> started = new ArrayList<>();
        for (Service service : Service.values()) {
            ServiceInstance instance = create(service, 1);
            instances.computeIfAbsent(service, s -> new ArrayList<>()).add(instance);
            instance.launch();
            started.add(instance);
        }
        started.forEach(ServiceInstance::awaitReady);
    }

    /** A short id of this platform run; it names the consumer groups. Handy for unique test data. */
    public String run() {
        return run;
    }

    /** The first instance of the service (the one {@link #start} started). */
    public ServiceInstance instance(Service service) {
        return instances.get(service).get(0);
    }

    /** Every instance of the service, the first one first. */
    public List<ServiceInstance> instances(Service service) {
        return List.copyOf(instances.get(service));
    }

    /** The base URL of the service's first instance. */
    public String url(Service service) {
        return instance(service).url();
    }

    /** Starts one more instance of the service (same database, same consumer group), waits until ready. */
    public ServiceInstance startReplica(Service service) {
        ServiceInstance replica = create(service, instances.get(service).size() + 1);
        instances.get(service).add(replica);
        replica.launch();
        replica.awaitReady();
        return replica;
    }

    public Database database(Service service) {
        return databases.get(service);
    }

    /** The service's Kafka consumer group (every incoming channel of every instance). */
    public String groupId(Service service) {
        return service.module() + "-platform-" + run;
    }

    /**
     * Records on the service's topics that its consumer group has not committed yet: 0 once it has caught up
     * (offsets are committed shortly after processing, so wait for 0 rather than expect it at once).
     */
    public long consumerLag(Service service) {
        Set<String> serviceTopics = topics.get(service);
        return serviceTopics.isEmpty() ? 0 : ConsumerGroups.lag(groupId(service), serviceTopics);
    }

    /** Stops every instance gracefully (SIGKILL after 30 s). The databases stay for a look after a failure. */
    @Override
    public void close() {
        List<ServiceInstance> all = new ArrayList<>();
        instances.values().forEach(all::addAll);
        all.parallelStream().forEach(ServiceInstance::stop);
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                // the server drops the lock with the connection either way
            }
        }
    }

    private ServiceInstance create(Service service, int replica) {
        int port = freePort();
        List<String> systemProperties = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.http.port", Integer.toString(port));
        settings.put("quarkus.datasource.jdbc.url", databases.get(service).jdbcUrl());
        // Plain lines: these logs are read by people (JSON stays the production default).
        settings.put("quarkus.log.console.json.enabled", "false");
        for (String channel : service.incomingChannels(apps.get(service)).keySet()) {
            settings.put("mp.messaging.incoming." + channel + ".group.id", groupId(service));
            settings.put("mp.messaging.incoming." + channel + ".auto.offset.reset", "latest");
        }
        if (service == Service.NOTIFICATION) {
            // The links in the mails must reach this instance (replicas share the first one's address, as
            // replicas behind one load balancer would).
            settings.put("sparks.notification.public-base-url",
                    replica == 1 ? "http://127.0.0.1:" + port : instance(service).url());
        }
        settings.putAll(properties.getOrDefault(service, Map.of()));
        settings.forEach((key, value) -> systemProperties.add("-D" + key + "=" + value));
        Path log = Project.target().resolve("platform-logs")
                .resolve(service.module() + (replica == 1 ? "" : "-" + replica) + ".log");
        header(log, service.module() + (replica == 1 ? "" : " replica " + replica) + " on port " + port
                + ", database " + service.database() + ", consumer group " + groupId(service));
        Path jar = apps.get(service).resolve("quarkus-run.jar");
        return new ServiceInstance(service, replica, port, ServiceInstance.javaCommand(systemProperties, jar), log);
    }

    private int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (ports.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port");
    }

    private static void prepareLogs() {
        Path logs = Project.target().resolve("platform-logs");
        try {
            Files.createDirectories(logs);
            if (FRESH_LOGS.getAndSet(false)) {
                // One set of logs per test run: later platforms of the same run append to it.
                try (var files = Files.list(logs)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Path log, String what) {
        try {
            Files.writeString(log, "%n===== platform-tests: %s, started at %s =====%n".formatted(what, Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
