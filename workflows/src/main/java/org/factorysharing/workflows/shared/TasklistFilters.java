package org.factorysharing.workflows.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.factorysharing.api.shared.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Camunda Tasklist filters: one per group that works on tasks, listing only what that group can act on (the
 * tasks offered to the group, of the kinds it decides, with the ones its members have claimed), and readable by that
 * group alone, so an officer no longer sees thousands of staff tasks and a factory's staff see their own factory.
 * Each filter carries the group it is for as a property, so it is found again and kept up to date; every method is
 * idempotent. Replaces the one filter of every readable task that Camunda's starter used to create.
 */
@Component
public class TasklistFilters {

    /** The filter {@code camunda.bpm.filter.create} used to create: every task a user may read. */
    public static final String OLD_DEFAULT_FILTER = "My group tasks";

    /** The property naming the group a filter is for. */
    public static final String GROUP_PROPERTY = "factorySharingGroup";

    /** What a factory's staff act on, in its commissioning and in its production jobs. */
    public static final List<String> STAFF_TASKS = List.of(
            "user_install_machine",
            "user_resolve_findings",
            "user_start_job",
            "user_record_output",
            "user_quality_inspection",
            "user_reschedule_job");

    /**
     * The programme groups' filters. Officers and supervisors also act on some tasks once they are overdue (the
     * escalation makes them candidates then): those kinds are listed too, and show only when escalated.
     */
    public static final List<GroupFilter> PROGRAMME_FILTERS = List.of(
            new GroupFilter(
                    Groups.OFFICERS,
                    "Officers · Petugas: verifications, inspections, sign-offs, proposals, reviews",
                    "Document verifications, factory inspections and commissioning sign-offs, wave outcome"
                            + " proposals, regional reviews; installations and job starts once overdue."
                            + " · Verifikasi dokumen, inspeksi dan pengesahan pabrik, usulan hasil gelombang,"
                            + " tinjauan regional; instalasi dan mulai produksi yang terlambat.",
                    -10,
                    List.of(
                            "user_verify_documents",
                            "user_inspect_factory",
                            "user_commissioning_signoff",
                            "user_propose_outcome",
                            "user_regional_review",
                            "user_install_machine",
                            "user_start_job")),
            new GroupFilter(
                    Groups.SUPERVISORS,
                    "Supervisors · Penyelia: overdue verifications and approvals",
                    "Document verifications and scale-up approval stages past their due date."
                            + " · Verifikasi dokumen dan tahap persetujuan yang melewati tenggat.",
                    -9,
                    List.of(
                            "user_verify_documents",
                            "user_regional_review",
                            "user_planning_review",
                            "user_final_approval")),
            new GroupFilter(
                    Groups.PLANNERS,
                    "Planners · Perencana: planning reviews",
                    "Planning reviews of scale-up proposals. · Tinjauan perencanaan usulan perluasan.",
                    -8,
                    List.of("user_planning_review")),
            new GroupFilter(
                    Groups.EXECUTIVES,
                    "Executives · Pimpinan: final approvals",
                    "Final approvals of scale-up proposals. · Persetujuan akhir usulan perluasan.",
                    -7,
                    List.of("user_final_approval")));

    /** A group's filter: its name and description in Tasklist, its place in the list, the task kinds it shows. */
    public record GroupFilter(String group, String name, String description, int priority, List<String> taskKeys) {}

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final WorkGroups groups;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, WorkGroups groups) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.groups = groups;
    }

    /** The programme groups' filters, created or brought up to date. */
    public void ensureProgrammeFilters() {
        PROGRAMME_FILTERS.forEach(this::ensure);
    }

    /** The filter of a factory's staff group. */
    public void ensureStaffFilter(String staffGroup, String factoryName) {
        ensure(staffFilter(staffGroup, factoryName));
    }

    public static GroupFilter staffFilter(String staffGroup, String factoryName) {
        return new GroupFilter(
                staffGroup,
                "Factory staff · Staf pabrik: " + factoryName,
                "Installations, inspection findings, job starts, output, quality inspections and rescheduling of "
                        + factoryName + ". · Instalasi, temuan inspeksi, mulai produksi, hasil, inspeksi mutu dan"
                        + " penjadwalan ulang.",
                0,
                STAFF_TASKS);
    }

    /** The filter of the group, or null when it has none yet. */
    public Filter filterOf(String group) {
        for (Authorization grant : authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(Resources.FILTER)
                .list()) {
            if (Authorization.ANY.equals(grant.getResourceId())) {
                continue;
            }
            Filter filter = filters.getFilter(grant.getResourceId());
            if (filter != null
                    && filter.getProperties() != null
                    && group.equals(filter.getProperties().get(GROUP_PROPERTY))) {
                return filter;
            }
        }
        return null;
    }

    /** Removes the filter of every readable task, with its grants. */
    public void removeOldDefaultFilter() {
        for (Filter old :
                filters.createTaskFilterQuery().filterName(OLD_DEFAULT_FILTER).list()) {
            authorizations
                    .createAuthorizationQuery()
                    .resourceType(Resources.FILTER)
                    .resourceId(old.getId())
                    .list()
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
            filters.deleteFilter(old.getId());
            log.info("Removed the Tasklist filter '{}' (it listed every task a user may read)", OLD_DEFAULT_FILTER);
        }
    }

    private void ensure(GroupFilter wanted) {
        Filter filter = filterOf(wanted.group());
        Map<String, Object> properties = properties(wanted);
        if (filter == null) {
            filter = filters.newTaskFilter(wanted.name());
        } else if (wanted.name().equals(filter.getName()) && properties.equals(filter.getProperties())) {
            return;
        }
        filter.setName(wanted.name());
        filter.setProperties(properties);
        filter.setQuery(tasks.createTaskQuery()
                .active()
                .taskCandidateGroup(wanted.group())
                .includeAssignedTasks()
                .taskDefinitionKeyIn(wanted.taskKeys().toArray(String[]::new)));
        filter = filters.saveFilter(filter);
        groups.grant(wanted.group(), Resources.FILTER, filter.getId(), Permissions.READ);
    }

    /** Tasklist's display properties, and what the filter shows (a change of it updates the filter). */
    private static Map<String, Object> properties(GroupFilter wanted) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", wanted.description());
        properties.put("priority", wanted.priority());
        properties.put("refresh", false);
        properties.put(GROUP_PROPERTY, wanted.group());
        properties.put("factorySharingTaskKeys", String.join(",", wanted.taskKeys()));
        return properties;
    }
}
