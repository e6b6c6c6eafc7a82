package org.factorysharing.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table the benchmark prints, and the same figures as CSV: per row the scenario, the clients, the rate and
 * its unit, p50 and p99 in milliseconds, the ratio to the raw JDBC baseline of the same run (where one applies), and
 * a note (steady-state lag, event counts, heap).
 */
final class Report {

    record Row(
            String scenario,
            int clients,
            double rate,
            String unit,
            Double p50Ms,
            Double p99Ms,
            Double vsRaw,
            String note) {}

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        // each row as soon as it is measured: a long run shows its progress
        System.out.println("  " + line(row));
    }

    void add(LoadRun.Result result, String unit, Double vsRaw, String note) {
        add(new Row(
                result.name(),
                result.clients(),
                result.perSecond(),
                unit,
                result.p50Nanos() / 1e6,
                result.p99Nanos() / 1e6,
                vsRaw,
                note + (result.errors() > 0 ? " errors=" + result.errors() : "")));
    }

    List<Row> rows() {
        return rows;
    }

    void print() {
        System.out.printf(
                "%n%-46s %7s %10s %-10s %9s %9s %7s  %s%n",
                "scenario", "clients", "rate", "unit", "p50 ms", "p99 ms", "vs raw", "note");
        rows.forEach(row -> System.out.println(line(row)));
    }

    private static String line(Row row) {
        return String.format(
                Locale.ROOT,
                "%-46s %7d %10.1f %-10s %9s %9s %7s  %s",
                row.scenario(),
                row.clients(),
                row.rate(),
                row.unit(),
                number(row.p50Ms()),
                number(row.p99Ms()),
                row.vsRaw() == null ? "" : String.format(Locale.ROOT, "%.2fx", row.vsRaw()),
                row.note());
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("scenario,clients,rate,unit,p50_ms,p99_ms,vs_raw,note");
        for (Row row : rows) {
            lines.add(String.join(
                    ",",
                    quoted(row.scenario()),
                    Integer.toString(row.clients()),
                    String.format(Locale.ROOT, "%.1f", row.rate()),
                    row.unit(),
                    number(row.p50Ms()),
                    number(row.p99Ms()),
                    row.vsRaw() == null ? "" : String.format(Locale.ROOT, "%.3f", row.vsRaw()),
                    quoted(row.note())));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, lines);
        System.out.println("figures written to " + file.toAbsolutePath());
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String quoted(String text) {
        return "\"" + (text == null ? "" : text.replace("\"", "\"\"")) + "\"";
    }
}
