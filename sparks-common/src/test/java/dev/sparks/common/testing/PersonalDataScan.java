package dev.sparks.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The proof behind an erasure: searches every column that can hold text (varchar, text, json, jsonb, arrays, enums)
 * of every table in a service's database for a person's name and email, so a column nobody thought of is found
 * too. Case-insensitive; jsonb and arrays are searched in their text form.
 */
public final class PersonalDataScan {

    /** Column types that cannot hold a name or an address; every other column is searched. */
    private static final List<String> NOT_TEXT = List.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "boolean", "uuid", "date", "timestamp with time zone",
            "timestamp without time zone", "time with time zone", "time without time zone", "interval");

    private PersonalDataScan() {
    }

    /**
     * Where any of the needles occurs: one {@code "table.column: needle"} per hit, empty when none does.
     * Scans the schemas of the connection's database except the system ones.
     */
    public static List<String> findings(DataSource database, Collection<String> needles) {
        List<String> hits = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            for (Column column : textColumns(connection)) {
                for (String needle : needles) {
                    if (contains(connection, column, needle)) {
                        hits.add(column + ": " + needle);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not scan the database", e);
        }
        return hits;
    }

    /** How many columns a scan searches: a scan of nothing would prove nothing. */
    public static int searchedColumns(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return textColumns(connection).size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the columns", e);
        }
    }

    private record Column(String schema, String table, String name) {
        @Override
        public String toString() {
            return ("public".equals(schema) ? "" : schema + ".") + table + "." + name;
        }

        String quoted() {
            return quote(schema) + "." + quote(table);
        }

        private static String quote(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
    }

    private static List<Column> textColumns(Connection connection) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.table_schema, c.table_name, c.column_name, c.data_type
                from information_schema.columns c
                join information_schema.tables t
                  on t.table_schema = c.table_schema and t.table_name = c.table_name
                where t.table_type = 'BASE TABLE'
                  and c.table_schema not in ('pg_catalog', 'information_schema')
                  and c.table_schema not like 'pg_toast%'
                order by c.table_schema, c.table_name, c.ordinal_position""");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                if (!NOT_TEXT.contains(result.getString(4).toLowerCase(Locale.ROOT))) {
                    columns.add(new Column(result.getString(1), result.getString(2), result.getString(3)));
                }
            }
        }
        return columns;
    }

    private static boolean contains(Connection connection, Column column, String needle) throws SQLException {
        String sql = "select exists (select 1 from " + column.quoted() + " where strpos(lower("
                + Column.quote(column.name()) + "::text), lower(?)) > 0)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, needle);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
