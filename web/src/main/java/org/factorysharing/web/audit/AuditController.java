package org.factorysharing.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.AuditQueries.AuditEventPage;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.AuditQueries.EventFilter;
import org.factorysharing.api.audit.AuditQueries.FindAuditEvents;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.web.shared.ErrorPage;
import org.factorysharing.web.shared.export.AuditEventBody;
import org.factorysharing.web.shared.export.AuditExport;
import org.factorysharing.web.shared.export.ExportFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The event log for auditors: filtered, paged by cursor (the global index: a page never skips an event that commits
 * late), each event with its actor and stored payload; and the filtered log as a CSV or JSON Lines download, written
 * page by page from the same export query as the audit API, so memory stays bounded whatever the size.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    /** One event of the log with the user who caused it (the metadata's userId), if any. */
    public record EventRow(AuditEventView event, String actor) {}

    private static final Logger LOG = LoggerFactory.getLogger(AuditController.class);
    /** Events read per query while writing a download. */
    private final QueryGateway queries;

    private final ObjectMapper json;
    private final ObjectWriter eventWriter;
    private final MessageSource messages;

    AuditController(QueryGateway queries, ObjectMapper json, MessageSource messages) {
        this.queries = queries;
        this.json = json;
        this.messages = messages;
        this.eventWriter = json.writerFor(AuditEventBody.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @GetMapping
    ModelAndView log(@ModelAttribute("filter") EventFilterForm filter, BindingResult binding) {
        filter.check(binding, LocalDate.now(ProgrammeTime.ZONE));
        return page(filter, binding);
    }

    private ModelAndView page(EventFilterForm filter, BindingResult binding) {
        ModelAndView page = new ModelAndView("audit/log");
        page.addObject("invalid", binding.hasErrors());
        if (binding.hasErrors()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("rows", List.of());
            page.addObject("hasNext", false);
            return page;
        }
        int limit = filter.limitValue();
        AuditEventPage events = queries.query(
                        new FindAuditEvents(filter.filter(), filter.afterValue(), limit), AuditEventPage.class)
                .join();
        page.addObject(
                "rows",
                events.items().stream()
                        .map(event -> new EventRow(event, actorOf(event.metadata())))
                        .toList());
        page.addObject("nextCursor", events.nextCursor());
        page.addObject("hasNext", events.items().size() == limit);
        page.addObject("atStart", filter.afterValue() == 0);
        return page;
    }

    /** The filtered log as a file; {@code format} csv or jsonl. A bad filter shows the log with its errors. */
    @GetMapping("/export")
    ModelAndView export(
            @RequestParam(required = false) String format,
            @ModelAttribute("filter") EventFilterForm filter,
            BindingResult binding,
            HttpServletResponse response)
            throws IOException {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.of(format);
        } catch (InvalidField unknown) {
            return ErrorPage.of(HttpStatus.BAD_REQUEST, message("audit.export.format"), null);
        }
        filter.check(binding, LocalDate.now(ProgrammeTime.ZONE));
        if (binding.hasErrors()) {
            return page(filter, binding);
        }
        EventFilter eventFilter = filter.filter();
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
        try {
            AuditExport.write(queries, eventFilter, exportFormat, eventWriter, out);
        } catch (IOException | RuntimeException failure) {
            if (!response.isCommitted()) {
                response.reset();
                throw failure;
            }
            // the status line is out: the only honest signal left is to stop (nothing may be appended)
            LOG.warn("A download of the event log ended early: {}", failure.toString());
        }
        return null;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The metadata's userId: who caused the event (a person, or none for the system). */
    private String actorOf(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return null;
        }
        try {
            JsonNode user = json.readTree(metadata).get("userId");
            return user == null || user.isNull() ? null : user.asText();
        } catch (IOException notJson) {
            return null;
        }
    }
}
