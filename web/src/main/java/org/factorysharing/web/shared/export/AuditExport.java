package org.factorysharing.web.shared.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.AuditQueries.AuditEventPage;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.AuditQueries.EventFilter;
import org.factorysharing.api.audit.AuditQueries.ExportAuditEvents;
import org.factorysharing.api.audit.ChainHeads.ChainLinkPage;
import org.factorysharing.api.audit.ChainHeads.ChainLinkView;
import org.factorysharing.api.audit.ChainHeads.FindChainLinks;

/**
 * Writes the (filtered) event log as an export, page by page from the export query so that memory stays bounded
 * whatever its size: the one code behind the audit API's export and the auditors' downloads, so both give the same
 * bytes. JSON lines carry each event's chain link, for offline verification.
 */
public final class AuditExport {

    /** Events per query; the pages follow one another by cursor. */
    static final int PAGE = 500;

    private AuditExport() {}

    public static void write(
            QueryGateway queries, EventFilter filter, ExportFormat format, ObjectWriter json, Writer out)
            throws IOException {
        format.start(out);
        long after = 0;
        while (true) {
            AuditEventPage page = queries.query(new ExportAuditEvents(filter, after, PAGE), AuditEventPage.class)
                    .join();
            Map<Long, ChainLinkView> links = format == ExportFormat.JSONL ? links(queries, page.items()) : Map.of();
            for (AuditEventView event : page.items()) {
                format.write(out, AuditEventBody.of(event, links.get(event.globalIndex())), json);
            }
            if (page.items().size() < PAGE) {
                break;
            }
            after = page.nextCursor();
        }
        out.flush();
    }

    /** The chain links of a page of events, by global index. */
    private static Map<Long, ChainLinkView> links(QueryGateway queries, List<AuditEventView> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        long first = events.get(0).globalIndex();
        long last = events.get(events.size() - 1).globalIndex();
        return queries.query(new FindChainLinks(first, last), ChainLinkPage.class).join().links().stream()
                .collect(Collectors.toMap(ChainLinkView::globalIndex, Function.identity()));
    }
}
