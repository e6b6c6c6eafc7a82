package org.factorysharing.web.task;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;
import org.factorysharing.api.shared.TextRules;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;

/**
 * The inbox's filters as the GET form sends them. Every value arrives as text and is read leniently (an unknown
 * choice counts as none, a page out of range as the nearest one), except the factory, whose id is checked like any
 * free text.
 */
public class InboxFilter {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100_000;
    static final int MAX_ID = 100;

    private String taskKey;
    private String processKey;
    private String factoryId;
    private String overdue;
    private String assignment;
    private String page;
    private String size;

    public String getTaskKey() {
        return taskKey;
    }

    public void setTaskKey(String taskKey) {
        this.taskKey = taskKey;
    }

    public String getProcessKey() {
        return processKey;
    }

    public void setProcessKey(String processKey) {
        this.processKey = processKey;
    }

    public String getFactoryId() {
        return factoryId;
    }

    public void setFactoryId(String factoryId) {
        this.factoryId = factoryId;
    }

    public String getOverdue() {
        return overdue;
    }

    public void setOverdue(String overdue) {
        this.overdue = overdue;
    }

    public String getAssignment() {
        return assignment;
    }

    public void setAssignment(String assignment) {
        this.assignment = assignment;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    /** A known task kind, else none. */
    String taskKeyValue() {
        return blankToNull(taskKey) != null && TaskKinds.taskKeys().contains(taskKey.strip()) ? taskKey.strip() : null;
    }

    String processKeyValue() {
        return blankToNull(processKey) != null && TaskKinds.BY_PROCESS.containsKey(processKey.strip())
                ? processKey.strip()
                : null;
    }

    String factoryIdValue() {
        return blankToNull(factoryId) == null ? null : factoryId.strip();
    }

    /** Whether the factory id could be an id at all (plain text of a sane length). */
    boolean factoryIdAcceptable() {
        String id = factoryIdValue();
        return id == null || id.length() <= MAX_ID && id.matches(TextRules.PLAIN);
    }

    /** true: overdue only, false: not overdue only, null: both, overdue first. */
    Boolean overdueValue() {
        return "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
    }

    TaskAssignment assignmentValue() {
        if (assignment == null) {
            return TaskAssignment.ANY;
        }
        try {
            return TaskAssignment.valueOf(assignment.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return TaskAssignment.ANY;
        }
    }

    int pageValue() {
        return Math.min(MAX_PAGE, Math.max(0, number(page, 0)));
    }

    int sizeValue() {
        return Math.min(MAX_SIZE, Math.max(1, number(size, DEFAULT_SIZE)));
    }

    /** The inbox's address with these filters and without the page, for the pager. */
    public String base() {
        StringJoiner query = new StringJoiner("&");
        add(query, "taskKey", taskKeyValue());
        add(query, "processKey", processKeyValue());
        add(query, "factoryId", factoryIdAcceptable() ? factoryIdValue() : null);
        add(query, "overdue", overdueValue());
        add(query, "assignment", assignmentValue() == TaskAssignment.ANY ? null : assignmentValue());
        add(query, "size", sizeValue() == DEFAULT_SIZE ? null : sizeValue());
        return query.length() == 0 ? "/tasks" : "/tasks?" + query;
    }

    /** This very page of the inbox, to come back to after claiming from it. */
    public String here() {
        String base = base();
        int page = pageValue();
        return page == 0 ? base : base + (base.contains("?") ? "&" : "?") + "page=" + page;
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
