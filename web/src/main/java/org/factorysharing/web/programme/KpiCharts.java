package org.factorysharing.web.programme;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeQueries.MonthlyKpiView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.web.shared.Fmt;
import org.factorysharing.web.shared.chart.BarChart;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The wave's KPIs month by month as bar charts, each against the wave's threshold for that KPI. */
@Component
class KpiCharts {

    private final MessageSource messages;
    private final Fmt fmt;

    KpiCharts(MessageSource messages, Fmt fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    /** Utilisation, members served, jobs completed, output units and quality pass rate, by month. */
    List<BarChart> monthly(WaveKpisView kpis, KpiThresholds min) {
        List<MonthlyKpiView> months = kpis.months();
        return List.of(
                rate("programme.kpi.utilisation", months, KpiFigures::utilisation, min.minUtilisation()),
                count("programme.kpi.membersServed", months, k -> (double) k.membersServed(), min.minMembersServed()),
                count("programme.kpi.jobsCompleted", months, k -> (double) k.jobsCompleted(), min.minJobsCompleted()),
                count("programme.kpi.outputUnits", months, k -> (double) k.outputUnits(), min.minOutputUnits()),
                rate("programme.kpi.qualityPassRate", months, KpiFigures::qualityPassRate, min.minQualityPassRate()));
    }

    private BarChart rate(String key, List<MonthlyKpiView> months, ToDoubleFunction<KpiFigures> value, double min) {
        return chart(key, months, value, fmt::percent, min, fmt.percent(min), 1.0);
    }

    private BarChart count(String key, List<MonthlyKpiView> months, ToDoubleFunction<KpiFigures> value, double min) {
        return chart(key, months, value, v -> fmt.number(Math.round(v)), min, fmt.number(Math.round(min)), 1.0);
    }

    private BarChart chart(
            String key,
            List<MonthlyKpiView> months,
            ToDoubleFunction<KpiFigures> value,
            Function<Double, String> display,
            double threshold,
            String thresholdDisplay,
            double atLeast) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage(key, null, locale);
        List<BarChart.Bar> bars = months.stream()
                .map(month -> {
                    double v = value.applyAsDouble(month.kpis());
                    return new BarChart.Bar(monthLabel(month.month(), locale), v, display.apply(v));
                })
                .toList();
        return BarChart.of(title, bars, threshold, thresholdDisplay, atLeast);
    }

    /** {@code 2022-07} as the page's language shortens it: "Jul 2022". */
    static String monthLabel(String month, Locale locale) {
        return YearMonth.parse(month).format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
    }
}
