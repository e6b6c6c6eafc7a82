package org.factorysharing.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.audit.AuditQueries.AggregateHistoryPage;
import org.factorysharing.api.audit.AuditQueries.AggregateStateView;
import org.factorysharing.api.audit.AuditQueries.AuditEventPage;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.AuditQueries.ExportAuditEvents;
import org.factorysharing.api.audit.AuditQueries.FindAggregateHistory;
import org.factorysharing.api.audit.AuditQueries.FindAggregateState;
import org.factorysharing.api.audit.AuditQueries.FindAuditEvents;
import org.springframework.stereotype.Component;

/** Answers the auditors' questions from the event store itself, never from a read model. */
@Component
class AuditLogQueries {

    private final EventLog log;
    private final AggregateStates states;
    private final ObjectMapper json;

    AuditLogQueries(EventLog log, AggregateStates states, ObjectMapper json) {
        this.log = log;
        this.states = states;
        this.json = json;
    }

    @QueryHandler
    AuditEventPage events(FindAuditEvents query) {
        return log.page(query.filter(), query.after(), query.limit());
    }

    @QueryHandler
    AuditEventPage export(ExportAuditEvents query) {
        List<AuditEventView> items = log.exportPage(query.filter(), query.after(), query.limit());
        return new AuditEventPage(
                items,
                items.isEmpty() ? query.after() : items.get(items.size() - 1).globalIndex());
    }

    @QueryHandler
    Optional<AggregateHistoryPage> history(FindAggregateHistory query) {
        return log.aggregateType(query.aggregateId())
                .map(type -> new AggregateHistoryPage(
                        query.aggregateId(),
                        type.isEmpty() ? null : type,
                        log.aggregateEvents(query.aggregateId(), query.afterSequence(), query.limit())));
    }

    /** Nothing when the aggregate is unknown, of a type without event sourcing handlers, or did not exist yet. */
    @QueryHandler
    Optional<AggregateStateView> state(FindAggregateState query) {
        return log.aggregateType(query.aggregateId())
                .filter(states::knows)
                .flatMap(type -> states.at(type, query.aggregateId(), query.at())
                        .map(state -> new AggregateStateView(
                                query.aggregateId(), type, query.at(), state.version(), text(state))));
    }

    private String text(AggregateStates.State state) {
        try {
            return json.writeValueAsString(state.state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an aggregate's fields always map to JSON", e);
        }
    }
}
