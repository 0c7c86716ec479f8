package dev.sparks.common.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a service has stored, to prove a refused request stored nothing: the row count of every table of its
 * database, and the outbox rows written since a point. Outbox rows are counted by identity rather than in total,
 * because the relay deletes them once Kafka has them; an event that left the outbox already is seen on its topic.
 */
public final class StoredState implements AutoCloseable {

    private static final String OUTBOX = "outbox_event";

    private final Connection connection;

    /** The counts, and the last outbox identity handed out when they were taken. */
    public record Snapshot(Map<String, Long> rows, long outboxMark, long newOutboxRows) {

        /** What changed since {@code before}: tables whose count moved, outbox rows written after its mark. */
        public List<String> changesSince(Snapshot before) {
            List<String> changes = new ArrayList<>();
            TreeSet<String> tables = new TreeSet<>(before.rows.keySet());
            tables.addAll(rows.keySet());
            for (String table : tables) {
                long was = before.rows.getOrDefault(table, 0L);
                long is = rows.getOrDefault(table, 0L);
                if (was != is) {
                    changes.add(table + ": " + was + " -> " + is + " rows");
                }
            }
            if (newOutboxRows > 0) {
                changes.add(OUTBOX + ": " + newOutboxRows + " new event(s) waiting to be relayed");
            }
            return changes;
        }
    }

    private StoredState(Connection connection) {
        this.connection = connection;
    }

    /** The test's own connection to the service's database, as the service's configuration names it. */
    public static StoredState ofService() {
        Config config = ConfigProvider.getConfig();
        try {
            return new StoredState(DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse("")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the service's database", e);
        }
    }

    /** Counts now; {@code newOutboxRows} are those written after {@code since}'s mark (none for the first). */
    public Snapshot take(Snapshot since) {
        try (Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            if (!tables.isEmpty()) {
                StringBuilder sql = new StringBuilder();
                for (String table : tables) {
                    if (table.equals(OUTBOX)) {
                        continue;
                    }
                    sql.append(sql.length() == 0 ? "" : " union all ").append("select '").append(table)
                            .append("', count(*) from \"").append(table).append('"');
                }
                try (ResultSet result = statement.executeQuery(sql.toString())) {
                    while (result.next()) {
                        rows.put(result.getString(1), result.getLong(2));
                    }
                }
            }
            long mark = 0;
            long fresh = 0;
            if (tables.contains(OUTBOX)) {
                try (ResultSet result = statement.executeQuery("select coalesce((select last_value from pg_sequences"
                        + " where schemaname = current_schema() and sequencename = (select split_part("
                        + "pg_get_serial_sequence('" + OUTBOX + "', 'id'), '.', 2))), 0)")) {
                    result.next();
                    mark = result.getLong(1);
                }
                if (since != null) {
                    try (ResultSet result = statement.executeQuery(
                            "select count(*) from " + OUTBOX + " where id > " + since.outboxMark())) {
                        result.next();
                        fresh = result.getLong(1);
                    }
                }
            }
            return new Snapshot(rows, mark, fresh);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the service's database", e);
        }
    }

    /** Waits (bounded, polling) until the outbox relay has taken every pending event. */
    public void awaitOutboxRelayed(java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + OUTBOX)) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            return; // no outbox in this database
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rows of any table (the outbox included) whose text holds one of the markers: "{@code table: n row(s)}" per
     * table with any. Markers unique to a test round (a nonce, an id made from it) prove where a row came from even
     * while the service stores other things at the same time.
     */
    public List<String> rowsContaining(List<String> markers) {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                StringBuilder condition = new StringBuilder();
                for (String marker : markers) {
                    condition.append(condition.length() == 0 ? "" : " or ").append("strpos(t::text, '")
                            .append(marker.replace("'", "''")).append("') > 0");
                }
                try (ResultSet result = statement.executeQuery(
                        "select count(*) from \"" + table + "\" t where " + condition)) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        found.add(table + ": " + result.getLong(1) + " row(s)");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the service's database", e);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to keep
        }
    }
}
