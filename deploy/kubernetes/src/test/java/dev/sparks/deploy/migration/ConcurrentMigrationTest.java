package dev.sparks.deploy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.deploy.manifest.Manifests;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas of a new version starting at once, each running Flyway's migrate at start as the services do
 * (quarkus.flyway.migrate-at-start, locations db/common and db/migration, out-of-order): Flyway takes PostgreSQL's
 * advisory lock on the schema history, so exactly one replica applies the migrations, the others wait for the lock
 * and then find nothing left to do, and every migration is applied once. Runs against the real PostgreSQL
 * (127.0.0.1:5432, as the services' tests), on a database of its own.
 */
class ConcurrentMigrationTest {

    static final String DATABASE = "sparks_kubernetes_migration_test";
    static final String SERVER = "jdbc:postgresql://" + System.getProperty("sparks.db.host", "127.0.0.1") + ":5432/";
    static final int REPLICAS = 4;

    @BeforeEach
    @AfterEach
    void freshDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @Test
    void replicasStartingTogetherApplyEachMigrationExactlyOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(REPLICAS);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            results.add(replicas.submit(() -> {
                Flyway flyway = replica();
                start.await();
                return flyway.migrate();
            }));
        }
        List<MigrateResult> done = new ArrayList<>();
        for (Future<MigrateResult> result : results) {
            done.add(result.get(2, TimeUnit.MINUTES));
        }
        replicas.shutdown();

        int available = replica().info().all().length;
        assertThat(done).allMatch(r -> r.success);
        assertThat(done).filteredOn(r -> r.migrationsExecuted > 0).as("replicas that migrated").hasSize(1);
        assertThat(done.stream().mapToInt(r -> r.migrationsExecuted).sum()).isEqualTo(available);
        try (Connection db = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
                Statement sql = db.createStatement();
                ResultSet history = sql.executeQuery("SELECT version, count(*), bool_and(success) FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL GROUP BY version")) {
            int versions = 0;
            while (history.next()) {
                versions++;
                assertThat(history.getInt(2)).as("applications of V" + history.getString(1)).isEqualTo(1);
                assertThat(history.getBoolean(3)).isTrue();
            }
            assertThat(versions).isEqualTo(available).isGreaterThan(1);
        }
    }

    /** One replica's Flyway, configured as sparks-common configures Quarkus' (matching-service's migrations). */
    private static Flyway replica() {
        return Flyway.configure()
                .dataSource(SERVER + DATABASE, "postgres", "")
                .locations("filesystem:" + Manifests.ROOT.resolve("sparks-common/src/main/resources/db/common"),
                        "filesystem:" + Manifests.ROOT.resolve("matching-service/src/main/resources/db/migration"))
                .outOfOrder(true)
                .load();
    }
}
