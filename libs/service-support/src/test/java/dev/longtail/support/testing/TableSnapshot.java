package dev.longtail.support.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The content of every table of a service's schema (row count and a digest of the rows), so that a test can show a
 * rejected request wrote nothing: not a row, not a changed column.
 */
public record TableSnapshot(Map<String, String> tables) {

    /** Reads every table of the connection's current schema except Flyway's history. */
    public static TableSnapshot of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("select table_name from "
                    + "information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' "
                    + "and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, String> tables = new TreeMap<>();
            for (String name : names) {
                try (ResultSet rs = connection.createStatement().executeQuery("select count(*) || ' rows, ' || "
                        + "coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from \"" + name + "\" t")) {
                    rs.next();
                    tables.put(name, rs.getString(1));
                }
            }
            return new TableSnapshot(tables);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the tables: " + e, e);
        }
    }

    /** The row count of each table alone: for a service whose background work still updates rows of earlier tests. */
    public Map<String, String> rowCounts() {
        Map<String, String> counts = new TreeMap<>();
        tables.forEach((table, content) -> counts.put(table, content.substring(0, content.indexOf(','))));
        return counts;
    }
}
