package org.factorysharing.server.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.AuditQueries.AggregateHistoryPage;
import org.factorysharing.api.audit.AuditQueries.AggregateStateView;
import org.factorysharing.api.audit.AuditQueries.AuditEventPage;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.AuditQueries.EventFilter;
import org.factorysharing.api.audit.AuditQueries.FindAggregateHistory;
import org.factorysharing.api.audit.AuditQueries.FindAggregateState;
import org.factorysharing.api.audit.AuditQueries.FindAuditEvents;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.web.shared.export.AuditEventBody;
import org.factorysharing.web.shared.export.AuditExport;
import org.factorysharing.web.shared.export.ExportFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event store, read-only, for auditors and admins: the global log, one aggregate's history, an aggregate's state
 * at an instant, and exports. Long answers are written page by page (keyset on the global index or the sequence)
 * straight to the response, on the request thread, so memory stays bounded by one page whatever the size.
 */
@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "Audit", description = "The event store, read-only (auditors, admins)")
class AuditLogController {

    /** One page of the global log; pass nextCursor as {@code after} for the next one. */
    record EventPage(List<AuditEventBody> items, long nextCursor) {}

    /** An aggregate at an instant: its fields after applying its events up to {@code version}. */
    record AggregateState(
            String aggregateId,
            String aggregateType,
            Instant at,
            long version,
            @com.fasterxml.jackson.annotation.JsonRawValue String state) {}

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogController.class);
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Events read per query while streaming an export or a history. */
    private static final int STREAM_PAGE = 500;

    private final QueryGateway queries;
    private final ObjectMapper json;
    private final ObjectWriter eventWriter;

    AuditLogController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
        this.eventWriter = json.writerFor(AuditEventBody.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @GetMapping("/events")
    @Operation(
            summary = "The global event log, in global order, filtered, paged by cursor",
            description = "eventType is a simple name (MemberRegistered); user is the metadata userId; from is "
                    + "inclusive, to exclusive (ISO-8601 instants). An empty page means: nothing newer yet.")
    EventPage events(
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String aggregateType,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        AuditEventPage page = page(filter(aggregateId, aggregateType, eventType, user, from, to), after, limit);
        return new EventPage(page.items().stream().map(AuditEventBody::of).toList(), page.nextCursor());
    }

    @GetMapping("/events/export")
    @Operation(
            summary = "Export the (filtered) event log as CSV or JSON Lines, streamed",
            description = "Each JSON line carries its hash-chain link (chain: link number, the hashed columns the "
                    + "line lacks, previous and own link hash), so that an unfiltered export can be verified offline "
                    + "against a signed head (the verifier module).")
    void export(
            @RequestParam String format,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String aggregateType,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format);
        EventFilter filter = filter(aggregateId, aggregateType, eventType, user, from, to);
        response.setContentType(exportFormat.contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(exportFormat.fileName())
                        .build()
                        .toString());
        Writer out =
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        streaming(response, () -> AuditExport.write(queries, filter, exportFormat, eventWriter, out));
    }

    @GetMapping("/aggregates/{aggregateId}/events")
    @Operation(summary = "Every event of one aggregate in sequence order, with metadata")
    void history(@PathVariable String aggregateId, HttpServletResponse response) throws IOException {
        AggregateHistoryPage first = history(aggregateId, -1);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // a failure half-way must not leave a well-formed document behind: no auto-closing of the JSON
        JsonGenerator out = json.getFactory()
                .createGenerator(response.getOutputStream())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        streaming(response, () -> {
            out.writeStartObject();
            out.writeStringField("aggregateId", aggregateId);
            out.writeStringField("aggregateType", first.aggregateType());
            out.writeArrayFieldStart("events");
            List<AuditEventView> events = first.events();
            while (!events.isEmpty()) {
                for (AuditEventView event : events) {
                    eventWriter.writeValue(out, AuditEventBody.of(event));
                }
                events = events.size() < STREAM_PAGE
                        ? List.of()
                        : history(aggregateId, events.get(events.size() - 1).sequence())
                                .events();
            }
            out.writeEndArray();
            out.writeEndObject();
            out.close();
        });
    }

    @GetMapping("/aggregates/{aggregateId}/state")
    @Operation(
            summary = "An aggregate's state at an instant, rebuilt from its events up to then",
            description = "Uses the aggregate's own event sourcing handlers; read models are not consulted.")
    AggregateState state(@PathVariable String aggregateId, @RequestParam String at) {
        Instant instant = instant("at", at);
        if (instant == null) {
            throw new InvalidField("at", "is required");
        }
        AggregateStateView state = queries.query(
                        new FindAggregateState(aggregateId, instant),
                        ResponseTypes.optionalInstanceOf(AggregateStateView.class))
                .join()
                .orElseThrow(() -> new NotFound("aggregate " + aggregateId + " at " + instant));
        return new AggregateState(
                state.aggregateId(), state.aggregateType(), state.at(), state.version(), state.state());
    }

    private AuditEventPage page(EventFilter filter, long after, int limit) {
        return queries.query(new FindAuditEvents(filter, after, limit), AuditEventPage.class)
                .join();
    }

    private AggregateHistoryPage history(String aggregateId, long afterSequence) {
        return queries.query(
                        new FindAggregateHistory(aggregateId, afterSequence, STREAM_PAGE),
                        ResponseTypes.optionalInstanceOf(AggregateHistoryPage.class))
                .join()
                .orElseThrow(() -> new NotFound("aggregate " + aggregateId));
    }

    /** Reads the request parameters; a bad one is a 400 naming it. */
    private static EventFilter filter(
            String aggregateId, String aggregateType, String eventType, String user, String from, String to) {
        if (eventType != null
                && !eventType.isBlank()
                && !SIMPLE_NAME.matcher(eventType.strip()).matches()) {
            throw new InvalidField("eventType", "must be the simple name of an event type, e.g. MemberRegistered");
        }
        EventFilter filter = new EventFilter(
                blankToNull(aggregateId),
                blankToNull(aggregateType),
                blankToNull(eventType),
                blankToNull(user),
                instant("from", from),
                instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be after from");
        }
        return filter;
    }

    /** An ISO-8601 instant such as 2026-11-27T08:00:00Z or 2026-11-27T15:00:00+07:00. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimeUtils.parseInstant(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(name, "must be an ISO-8601 instant, e.g. 2026-11-27T08:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Writing to the response; an IOException here means the client went away. */
    private interface Output {
        void write() throws IOException;
    }

    /**
     * Runs a streamed answer. A failure before the first byte went out is an ordinary error answer; after it, the
     * status line is sent and the only honest signal left is to stop (nothing may be appended).
     */
    private static void streaming(HttpServletResponse response, Output body) throws IOException {
        try {
            body.write();
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
                throw e;
            }
            throw new StreamBroken(e);
        }
    }

    /** A streamed answer failed after it started. */
    static final class StreamBroken extends RuntimeException {
        StreamBroken(Exception cause) {
            super(cause);
        }
    }

    @ExceptionHandler(StreamBroken.class)
    void streamBroken(StreamBroken broken, HttpServletResponse response) {
        LOG.warn("A streamed audit answer ended early: {}", broken.getCause().toString());
    }
}
