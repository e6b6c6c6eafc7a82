package org.factorysharing.server.audit.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.factorysharing.server.web.InvalidField;
import org.factorysharing.server.web.NotFound;
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
 * The event store, read-only, for auditors and admins: the global log, one aggregate's history, an
 * aggregate's state at an instant, and exports. Long answers are written row by row from a database
 * cursor straight to the response, on the request thread (no async timeout cuts a long export short).
 */
@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "Audit", description = "The event store, read-only (auditors, admins)")
class AuditLogController {

    /** One page of the global log; pass nextCursor as {@code after} for the next one. */
    record EventPage(List<AuditEvent> items, long nextCursor) {
    }

    /** An aggregate at an instant: its fields after applying its events up to {@code version}. */
    record AggregateState(String aggregateId, String aggregateType, Instant at, long version, JsonNode state) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogController.class);

    private final EventLog log;
    private final AggregateStates states;
    private final ObjectMapper json;
    private final ObjectWriter eventWriter;

    AuditLogController(EventLog log, AggregateStates states, ObjectMapper json) {
        this.log = log;
        this.states = states;
        this.json = json;
        this.eventWriter = json.writerFor(AuditEvent.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @GetMapping("/events")
    @Operation(summary = "The global event log, in global order, filtered, paged by cursor",
            description = "eventType is a simple name (MemberRegistered); user is the metadata userId; from is "
                    + "inclusive, to exclusive (ISO-8601 instants). An empty page means: nothing newer yet.")
    EventPage events(@RequestParam(required = false) String aggregateId,
                     @RequestParam(required = false) String aggregateType,
                     @RequestParam(required = false) String eventType,
                     @RequestParam(required = false) String user,
                     @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(defaultValue = "0") @Min(0) long after,
                     @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        EventFilter filter = EventFilter.of(aggregateId, aggregateType, eventType, user, from, to);
        EventLog.Page page = log.page(filter, after, limit);
        return new EventPage(page.items(), page.nextCursor());
    }

    @GetMapping("/events/export")
    @Operation(summary = "Export the (filtered) event log as CSV or JSON Lines, streamed")
    void export(@RequestParam String format,
                @RequestParam(required = false) String aggregateId,
                @RequestParam(required = false) String aggregateType,
                @RequestParam(required = false) String eventType,
                @RequestParam(required = false) String user,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format);
        EventFilter filter = EventFilter.of(aggregateId, aggregateType, eventType, user, from, to);
        response.setContentType(exportFormat.contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(exportFormat.fileName()).build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        streaming(response, () -> {
            exportFormat.start(out);
            log.stream(filter, event -> write(() -> exportFormat.write(out, event, eventWriter)));
            out.flush();
        });
    }

    @GetMapping("/aggregates/{aggregateId}/events")
    @Operation(summary = "Every event of one aggregate in sequence order, with metadata")
    void history(@PathVariable String aggregateId, HttpServletResponse response) throws IOException {
        String type = log.aggregateType(aggregateId).orElseThrow(() -> new NotFound("aggregate " + aggregateId));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // a failure half-way must not leave a well-formed document behind: no auto-closing of the JSON
        JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        streaming(response, () -> {
            out.writeStartObject();
            out.writeStringField("aggregateId", aggregateId);
            out.writeStringField("aggregateType", type.isEmpty() ? null : type);
            out.writeArrayFieldStart("events");
            log.streamAggregate(aggregateId, event -> write(() -> eventWriter.writeValue(out, event)));
            out.writeEndArray();
            out.writeEndObject();
            out.close();
        });
    }

    @GetMapping("/aggregates/{aggregateId}/state")
    @Operation(summary = "An aggregate's state at an instant, rebuilt from its events up to then",
            description = "Uses the aggregate's own event sourcing handlers; read models are not consulted.")
    AggregateState state(@PathVariable String aggregateId, @RequestParam String at) {
        Instant instant = EventFilter.instant("at", at);
        if (instant == null) {
            throw new InvalidField("at", "is required");
        }
        String type = log.aggregateType(aggregateId).orElseThrow(() -> new NotFound("aggregate " + aggregateId));
        if (!states.knows(type)) {
            throw new NotFound("an aggregate type " + (type.isEmpty() ? "for " + aggregateId : type));
        }
        AggregateStates.State state = states.at(type, aggregateId, instant)
                .orElseThrow(() -> new NotFound("aggregate " + aggregateId + " at " + instant));
        return new AggregateState(aggregateId, type, instant, state.version(), state.state());
    }

    /** Writing to the response; an IOException here means the client went away. */
    private interface Output {
        void write() throws IOException;
    }

    private static void write(Output output) {
        try {
            output.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ends the database cursor and its transaction
        }
    }

    /**
     * Runs a streamed answer. A failure before the first byte went out is an ordinary error answer; after
     * it, the status line is sent and the only honest signal left is to stop (nothing may be appended).
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
