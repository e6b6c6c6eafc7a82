package org.factorysharing.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every read model's tables, each with the order that makes a snapshot comparable row for row. */
@Component
public class ReadModelTables {

    private static final Map<String, Map<String, String>> TABLES = Map.of(
            "member-directory",
                    orderedTables(
                            "member_directory", "member_id",
                            "member_qualification", "member_id, machine_type",
                            "member_account", "user_id"),
            "factory-registry",
                    orderedTables(
                            "factory_registry", "factory_id",
                            "factory_machine", "factory_id, machine_id"),
            "capacity-calendar",
                    orderedTables(
                            "capacity_factory", "factory_id",
                            "capacity_machine", "factory_id, machine_id",
                            "capacity_booking", "event_id, machine_id, day",
                            "capacity_booked_day", "factory_id, machine_id, day",
                            "capacity_maintenance", "started_event_id"),
            "job-board",
                    orderedTables(
                            "job_board", "job_id",
                            "job_allocation", "job_id, machine_id, day"),
            "region-potential",
                    orderedTables(
                            "region_reference", "region_id",
                            "region_potential", "region_id, commodity_code"),
            "programme-kpi",
                    orderedTables(
                            "programme_kpi_position", "id",
                            "programme_kpi_wave", "wave_id",
                            "programme_kpi_wave_factory", "wave_id, factory_id",
                            "programme_kpi_factory", "factory_id",
                            "programme_kpi_machine", "factory_id, machine_id",
                            "programme_kpi_job", "job_id",
                            "programme_kpi_booking", "event_id, day",
                            "programme_kpi_completion", "job_id",
                            "programme_kpi_inspection", "event_id"),
            "programme-dashboard",
                    orderedTables(
                            "programme_wave", "wave_id",
                            "programme_wave_factory", "wave_id, factory_id",
                            "programme_factory", "factory_id",
                            "programme_recommendation", "wave_id, evaluation_no",
                            "programme_proposal", "wave_id, proposal_no",
                            "programme_approval_step", "wave_id, event_seq"),
            "factory-timeline", orderedTables("factory_timeline", "factory_id, sequence_no"));

    private final JdbcTemplate jdbc;

    public ReadModelTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every row of the processing group's tables, table by table. */
    public Map<String, List<Map<String, Object>>> snapshot(String processingGroup) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.get(processingGroup)
                .forEach((table, order) ->
                        tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order)));
        return tables;
    }

    private static Map<String, String> orderedTables(String... tableThenOrder) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < tableThenOrder.length; i += 2) {
            tables.put(tableThenOrder[i], tableThenOrder[i + 1]);
        }
        return tables;
    }
}
