package org.factorysharing.web.factory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.CapacityDayView;
import org.factorysharing.api.factory.FactoryQueries.MachineCalendarView;

/**
 * The capacity calendar as a heat map: one row per machine, one column per day, each cell the booked against the
 * machine's hours that day ({@code 6/8}) and coloured by how full it is. A day before the machine was installed is
 * blank; a day in maintenance has no hours to book.
 */
public record HeatMap(List<LocalDate> days, List<Row> rows) {

    /** How full a cell is, for its colour (and the legend, in this order). */
    public enum Level {
        FREE("u0"),
        LOW("u1"),
        HALF("u2"),
        HIGH("u3"),
        NEARLY("u4"),
        FULL("u5"),
        MAINTENANCE("maint"),
        NONE("none");

        private final String css;

        Level(String css) {
            this.css = css;
        }

        public String css() {
            return css;
        }

        /** The levels the legend explains. */
        public static List<Level> legend() {
            return List.of(FREE, LOW, HALF, HIGH, NEARLY, FULL, MAINTENANCE);
        }
    }

    public record Row(String machineId, String machineType, List<Cell> cells) {}

    /** {@code installed} false: the machine did not exist yet that day. */
    public record Cell(LocalDate day, boolean installed, boolean available, int bookedHours, int capacityHours) {

        public Level level() {
            if (!installed) {
                return Level.NONE;
            }
            if (!available) {
                return Level.MAINTENANCE;
            }
            return levelOf(capacityHours == 0 ? 0 : (double) bookedHours / capacityHours);
        }

        /** What the cell reads: booked/capacity hours, a dash in maintenance, nothing before installation. */
        public String text() {
            if (!installed) {
                return "";
            }
            return available ? bookedHours + "/" + capacityHours : "–";
        }
    }

    static Level levelOf(double utilisation) {
        if (utilisation <= 0) {
            return Level.FREE;
        }
        if (utilisation >= 1) {
            return Level.FULL;
        }
        if (utilisation < 0.25) {
            return Level.LOW;
        }
        if (utilisation < 0.5) {
            return Level.HALF;
        }
        return utilisation < 0.75 ? Level.HIGH : Level.NEARLY;
    }

    /** Every day of {@code from..to} for every machine of the calendar. */
    public static HeatMap of(CapacityCalendarView calendar, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        List<Row> rows = new ArrayList<>();
        for (MachineCalendarView machine : calendar.machines()) {
            Map<LocalDate, CapacityDayView> byDay = new HashMap<>();
            machine.days().forEach(day -> byDay.put(day.day(), day));
            List<Cell> cells = new ArrayList<>();
            for (LocalDate day : days) {
                CapacityDayView known = byDay.get(day);
                cells.add(
                        known == null
                                ? new Cell(day, false, false, 0, 0)
                                : new Cell(day, true, known.available(), known.bookedHours(), known.capacityHours()));
            }
            rows.add(new Row(machine.machineId(), machine.machineType(), List.copyOf(cells)));
        }
        return new HeatMap(List.copyOf(days), List.copyOf(rows));
    }
}
