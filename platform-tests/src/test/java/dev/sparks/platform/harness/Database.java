package dev.sparks.platform.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Direct reads of one service's database, for what no API shows (reserved capacity, outbox rows). Parameters bind
 * by position; a collection of UUIDs binds as a {@code uuid[]} for {@code = any(?)}.
 */
public final class Database {

    private final String name;

    Database(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return url(name);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), Project.DB_USER, Project.DB_PASSWORD);
    }

    /** The same database as a {@link DataSource}, for fixtures that take one (the shared PersonalDataScan). */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        dataSource.setUser(Project.DB_USER);
        dataSource.setPassword(Project.DB_PASSWORD);
        return dataSource;
    }

    /** Every row as column name to value, in the query's order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet result = query.executeQuery()) {
            ResultSetMetaData columns = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    /** The first column of the only row, as a number: {@code select count(*) ...}. */
    public long count(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException(name + ": expected one row from " + sql + ", got " + rows.size());
        }
        Object value = rows.get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Collection<?> values) {
                boolean uuids = values.stream().allMatch(UUID.class::isInstance);
                query.setArray(i + 1, connection.createArrayOf(uuids ? "uuid" : "text", values.toArray()));
            } else {
                query.setObject(i + 1, parameter);
            }
        }
        return query;
    }

    /** Drops and creates the database (terminating leftover sessions of an earlier, killed run). */
    static Database recreate(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("unexpected database name " + name);
        }
        try (Connection admin = DriverManager.getConnection(url("postgres"), Project.DB_USER, Project.DB_PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name
                    + " (is PostgreSQL running on " + Project.DB_HOST + ":" + Project.DB_PORT + "?)", e);
        }
        return new Database(name);
    }

    /**
     * Holds a PostgreSQL advisory lock for as long as the returned connection is open (and no longer than the JVM
     * lives): one platform at a time on this server, also across clones of the project, since the databases'
     * names are fixed.
     */
    static Connection exclusive(String lockName) {
        try {
            Connection connection = DriverManager.getConnection(url("postgres"), Project.DB_USER, Project.DB_PASSWORD);
            try (PreparedStatement attempt = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                attempt.setString(1, lockName);
                try (ResultSet result = attempt.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            System.out.println("Another platform test run holds " + lockName + "; waiting for it to finish");
            try (PreparedStatement wait = connection.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                wait.setString(1, lockName);
                wait.execute();
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lock " + lockName + " on PostgreSQL", e);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + Project.DB_HOST + ":" + Project.DB_PORT + "/" + database;
    }
}
