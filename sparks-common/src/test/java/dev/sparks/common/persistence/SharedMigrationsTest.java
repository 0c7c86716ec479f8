package dev.sparks.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbering of the shared migrations: db/common's V1_&lt;n&gt; apply before a service's V2 on a new database, and
 * still apply to a database that a service already took past V2 (a deployed one), thanks to out-of-order.
 */
class SharedMigrationsTest {

    static final String URL = "jdbc:postgresql://" + System.getenv().getOrDefault("SPARKS_DB_HOST", "127.0.0.1")
            + ":" + System.getenv().getOrDefault("SPARKS_DB_PORT", "5432") + "/sparks_common_test";
    static final String SCHEMA = "shared_migrations_test";

    @TempDir
    Path folders;
    Path released;
    Path service;

    @BeforeEach
    void folders() throws Exception {
        dropSchema();
        // the shared migrations as they were released (V1 only), and a service's own V2 and V3
        released = Files.createDirectories(folders.resolve("released"));
        try (InputStream v1 = getClass().getResourceAsStream("/db/common/V1__outbox_and_inbox.sql")) {
            Files.copy(v1, released.resolve("V1__outbox_and_inbox.sql"));
        }
        service = Files.createDirectories(folders.resolve("service"));
        Files.writeString(service.resolve("V2__service.sql"), "create table service_thing (id bigint primary key);");
        Files.writeString(service.resolve("V3__service_more.sql"), "alter table service_thing add column note text;");
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void onANewDatabaseSharedMigrationsRunBeforeTheServicesOwn() throws Exception {
        flyway(true, "classpath:db/common", "filesystem:" + service).load().migrate();

        assertThat(appliedVersions()).containsExactly("1", "1.1", "2", "3");
        assertThat(outboxColumns()).contains("trace_parent");
    }

    @Test
    void onADatabaseAlreadyPastV2ANewSharedMigrationStillApplies() throws Exception {
        flyway(false, "filesystem:" + released, "filesystem:" + service).load().migrate();
        assertThat(appliedVersions()).containsExactly("1", "2", "3");

        // in order only, Flyway would refuse to start the service: the new V1_1 sorts below the applied V3
        assertThatThrownBy(() -> flyway(false, "classpath:db/common", "filesystem:" + service).load().migrate())
                .isInstanceOf(FlywayException.class).hasMessageContaining("1.1");

        flyway(true, "classpath:db/common", "filesystem:" + service).load().migrate();
        assertThat(appliedVersions()).containsExactlyInAnyOrder("1", "2", "3", "1.1");
        assertThat(outboxColumns()).contains("trace_parent");
    }

    @Test
    void everyServiceRunsWithOutOfOrderOn() throws Exception {
        Properties shared = new Properties();
        try (InputStream defaults = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(defaults);
        }
        assertThat(shared.getProperty("quarkus.flyway.out-of-order")).isEqualTo("true");
        assertThat(shared.getProperty("quarkus.flyway.locations")).isEqualTo("db/common,db/migration");
    }

    private FluentConfiguration flyway(boolean outOfOrder, String... locations) {
        return Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).createSchemas(true)
                .locations(locations).outOfOrder(outOfOrder);
    }

    private List<String> appliedVersions() throws Exception {
        return strings("select version from " + SCHEMA + ".flyway_schema_history where success and version is not"
                + " null order by installed_rank");
    }

    private List<String> outboxColumns() throws Exception {
        return strings("select column_name from information_schema.columns where table_schema = '" + SCHEMA
                + "' and table_name = 'outbox_event'");
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
