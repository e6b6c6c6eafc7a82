package org.factorysharing.web.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.web.shared.Fmt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** KPIs against thresholds as the pages show them: met at the threshold itself, as the decision table decides. */
class KpiRowTest {

    private final Fmt fmt = new Fmt();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aKpiAtItsThresholdIsMetAndOneBelowIsNot() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id-ID"));
        KpiFigures kpis = new KpiFigures(2, 600, 1000, 0.6, 9, 20, 1500, 10, 0.9);
        KpiThresholds min = new KpiThresholds(0.6, 10, 20, 1000, 0.95);

        List<KpiRow> rows = KpiRow.of(kpis, min, fmt);

        assertThat(rows)
                .extracting(KpiRow::label, KpiRow::met)
                .containsExactly(
                        tuple("programme.kpi.utilisation", true),
                        tuple("programme.kpi.membersServed", false),
                        tuple("programme.kpi.jobsCompleted", true),
                        tuple("programme.kpi.outputUnits", true),
                        tuple("programme.kpi.qualityPassRate", false));
        // figures in the page's language: 1.500 and 60,0 % in Indonesian
        assertThat(rows.get(3).value()).isEqualTo("1.500");
        assertThat(rows.get(0).threshold()).isEqualTo("60,0%");
    }

    @Test
    void monthsAreNamedInThePagesLanguage() {
        assertThat(KpiCharts.monthLabel("2022-08", Locale.forLanguageTag("id-ID")))
                .isEqualTo("Agu 2022");
        assertThat(KpiCharts.monthLabel("2022-08", Locale.ENGLISH)).isEqualTo("Aug 2022");
    }
}
