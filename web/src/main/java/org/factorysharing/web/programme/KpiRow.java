package org.factorysharing.web.programme;

import java.util.List;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.web.shared.Fmt;

/**
 * One KPI against its threshold as a page shows it: the figure and the threshold in the page's language, and whether
 * the threshold is met (the test scale_up_eligibility makes, figure &gt;= threshold).
 */
record KpiRow(String label, String value, String threshold, boolean met) {

    /** The five KPIs of the decision, in the order the table and the charts show them. */
    static List<KpiRow> of(KpiFigures kpis, KpiThresholds min, Fmt fmt) {
        return List.of(
                new KpiRow(
                        "programme.kpi.utilisation",
                        fmt.percent(kpis.utilisation()),
                        fmt.percent(min.minUtilisation()),
                        kpis.utilisation() >= min.minUtilisation()),
                new KpiRow(
                        "programme.kpi.membersServed",
                        fmt.number(kpis.membersServed()),
                        fmt.number(min.minMembersServed()),
                        kpis.membersServed() >= min.minMembersServed()),
                new KpiRow(
                        "programme.kpi.jobsCompleted",
                        fmt.number(kpis.jobsCompleted()),
                        fmt.number(min.minJobsCompleted()),
                        kpis.jobsCompleted() >= min.minJobsCompleted()),
                new KpiRow(
                        "programme.kpi.outputUnits",
                        fmt.number(kpis.outputUnits()),
                        fmt.number(min.minOutputUnits()),
                        kpis.outputUnits() >= min.minOutputUnits()),
                new KpiRow(
                        "programme.kpi.qualityPassRate",
                        fmt.percent(kpis.qualityPassRate()),
                        fmt.percent(min.minQualityPassRate()),
                        kpis.qualityPassRate() >= min.minQualityPassRate()));
    }
}
