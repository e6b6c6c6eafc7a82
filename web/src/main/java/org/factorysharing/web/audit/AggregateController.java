package org.factorysharing.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.AuditQueries.AggregateHistoryPage;
import org.factorysharing.api.audit.AuditQueries.AggregateStateView;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.AuditQueries.FindAggregateHistory;
import org.factorysharing.api.audit.AuditQueries.FindAggregateState;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.TextRules;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * One aggregate for auditors: its history (every event in sequence order, with metadata, paged by sequence), and its
 * state as of a moment, rebuilt from its events up to then by its own event sourcing handlers (no read model).
 */
@Controller
@RequestMapping("/audit/aggregates")
class AggregateController {

    static final int PAGE = 100;

    private final QueryGateway queries;
    private final ObjectMapper json;

    AggregateController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** The log's "open an aggregate" box: to that aggregate's history. */
    @GetMapping
    String find(@RequestParam(required = false) String aggregateId) {
        if (aggregateId == null
                || aggregateId.isBlank()
                || aggregateId.length() > EventFilterForm.MAX_TEXT
                || !aggregateId.matches(TextRules.PLAIN)) {
            return "redirect:/audit";
        }
        return "redirect:/audit/aggregates/" + UriUtils.encodePathSegment(aggregateId.strip(), "UTF-8");
    }

    @GetMapping("/{aggregateId}")
    ModelAndView history(@PathVariable String aggregateId, @RequestParam(defaultValue = "-1") long after) {
        long afterSequence = Math.max(-1, after);
        AggregateHistoryPage history = queries.query(
                        new FindAggregateHistory(aggregateId, afterSequence, PAGE),
                        ResponseTypes.optionalInstanceOf(AggregateHistoryPage.class))
                .join()
                .orElseThrow(() -> new NotFound("aggregate " + aggregateId));
        List<AuditEventView> events = history.events();
        ModelAndView page = new ModelAndView("audit/aggregate");
        page.addObject("aggregateId", aggregateId);
        page.addObject("aggregateType", history.aggregateType());
        page.addObject("events", events);
        page.addObject("atStart", afterSequence < 0);
        page.addObject(
                "nextAfter",
                events.size() == PAGE ? events.get(events.size() - 1).sequence() : null);
        page.addObject("state", new StateForm());
        return page;
    }

    @GetMapping("/{aggregateId}/state")
    ModelAndView state(
            @PathVariable String aggregateId, @ModelAttribute("state") StateForm form, BindingResult binding) {
        Instant at = form.instant(binding, Instant.now());
        form.show(at);
        ModelAndView page = new ModelAndView("audit/state");
        page.addObject("aggregateId", aggregateId);
        if (at == null) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        AggregateStateView state = queries.query(
                        new FindAggregateState(aggregateId, at),
                        ResponseTypes.optionalInstanceOf(AggregateStateView.class))
                .join()
                .orElse(null);
        page.addObject("at", at);
        if (state == null) {
            page.setStatus(HttpStatus.NOT_FOUND);
            return page;
        }
        page.addObject("view", state);
        page.addObject("pretty", pretty(state.state()));
        return page;
    }

    /** The state's JSON indented for reading; as stored if it is no JSON. */
    private String pretty(String state) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(state));
        } catch (IOException notJson) {
            return state;
        }
    }
}
