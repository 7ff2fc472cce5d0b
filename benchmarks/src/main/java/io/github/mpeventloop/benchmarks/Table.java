package io.github.mpeventloop.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Markdown table of the report: declared rows (measure, unit, number format) and columns,
 * some of which are ratios of two others, computed when the table is printed. A cell never
 * measured prints as {@code —}.
 */
public final class Table {

    private record Column(String name, String numerator, String denominator) {
        boolean ratio() {
            return numerator != null;
        }
    }

    private record Row(String measure, String unit, String format) {
    }

    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Double> cells = new HashMap<>();

    public Table(String title) {
        this.title = title;
    }

    public Table column(String name) {
        columns.add(new Column(name, null, null));
        return this;
    }

    /** A column {@code numerator ÷ denominator}, named so. */
    public Table ratio(String numerator, String denominator) {
        columns.add(new Column(numerator + " ÷ " + denominator, numerator, denominator));
        return this;
    }

    public Table row(String measure, String unit, String format) {
        rows.put(measure, new Row(measure, unit, format));
        return this;
    }

    public List<String> measures() {
        return List.copyOf(rows.keySet());
    }

    public void put(String measure, String column, double value) {
        if (!rows.containsKey(measure) || columns.stream().noneMatch(c -> c.name().equals(column) && !c.ratio())) {
            throw new IllegalArgumentException("no cell " + measure + " / " + column + " in " + title);
        }
        cells.put(measure + '\u0000' + column, value);
    }

    private double get(String measure, String column) {
        return cells.getOrDefault(measure + '\u0000' + column, Double.NaN);
    }

    /** Whether any cell was measured. */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The table in Markdown; rows with no measured cell are left out. */
    public String markdown() {
        StringBuilder out = new StringBuilder("**").append(title).append("**\n\n| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Column column : columns) {
            out.append(' ').append(column.name()).append(" |");
            rule.append("---:|");
        }
        out.append(" unit |\n").append(rule).append("---|\n");
        for (Row row : rows.values()) {
            if (columns.stream().allMatch(c -> c.ratio() || Double.isNaN(get(row.measure(), c.name())))) {
                continue;
            }
            out.append("| ").append(row.measure()).append(" |");
            for (Column column : columns) {
                String cell;
                if (column.ratio()) {
                    double top = get(row.measure(), column.numerator());
                    double bottom = get(row.measure(), column.denominator());
                    cell = Double.isNaN(top) || Double.isNaN(bottom) || bottom == 0 ? "—"
                            : String.format(Locale.ROOT, "%.2f", top / bottom);
                } else {
                    double value = get(row.measure(), column.name());
                    cell = Double.isNaN(value) ? "—" : String.format(Locale.ROOT, row.format(), value);
                }
                out.append(' ').append(cell).append(" |");
            }
            out.append(' ').append(row.unit()).append(" |\n");
        }
        return out.toString();
    }
}
