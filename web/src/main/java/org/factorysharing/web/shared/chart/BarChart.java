package org.factorysharing.web.shared.chart;

import java.util.List;

/**
 * A bar chart drawn as SVG on the server (fragments/charts :: bars): one bar per label (a month, a factory), and an
 * optional threshold drawn as a line across, so a reader sees at once which bars fall short. The figures are also
 * given as a table for screen readers and for copying ({@code <table class="visually-hidden">} under the chart).
 * Values are plain numbers; {@code display} is the value as the page's language writes it (from {@code @fmt}).
 */
public record BarChart(String title, List<Bar> bars, Double threshold, String thresholdDisplay, double max) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 16;
    static final int BOTTOM = 44;

    /** One bar; {@code display} is the value as shown (e.g. "83,3 %"). */
    public record Bar(String label, double value, String display) {}

    /** The scale runs to the largest of the bars, the threshold and {@code atLeast} (1.0 for rates). */
    public static BarChart of(String title, List<Bar> bars, Double threshold, String thresholdDisplay, double atLeast) {
        double max = atLeast;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        if (threshold != null) {
            max = Math.max(max, threshold);
        }
        return new BarChart(title, List.copyOf(bars), threshold, thresholdDisplay, max <= 0 ? 1 : max);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int plotTop() {
        return TOP;
    }

    private double slot() {
        return (double) (WIDTH - LEFT - RIGHT) / Math.max(1, bars.size());
    }

    public double barX(int index) {
        return LEFT + index * slot() + slot() * 0.15;
    }

    public double barWidth() {
        return slot() * 0.7;
    }

    public double labelX(int index) {
        return LEFT + index * slot() + slot() / 2;
    }

    public double y(double value) {
        return plotBottom() - (plotBottom() - TOP) * Math.max(0, value) / max;
    }

    public double barHeight(double value) {
        return plotBottom() - y(value);
    }

    public boolean hasThreshold() {
        return threshold != null;
    }

    public boolean belowThreshold(Bar bar) {
        return threshold != null && bar.value() < threshold;
    }

    /** Every n-th label only, so that month names do not overlap on many bars. */
    public boolean showsLabel(int index) {
        int every = Math.max(1, (int) Math.ceil(bars.size() / 12.0));
        return index % every == 0;
    }
}
