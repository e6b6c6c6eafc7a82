package org.factorysharing.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.AuditQueries.ChainVerificationView;
import org.factorysharing.api.audit.AuditQueries.VerifyChain;
import org.factorysharing.api.shared.InvalidField;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors: is the event store still the one that was written? */
@RestController
@RequestMapping("/api/audit/chain")
@Validated
@Tag(name = "Audit", description = "Auditors' toolkit: read-only")
class HashChainController {

    private final QueryGateway queries;

    HashChainController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/verification")
    @Operation(
            summary = "Recompute the event hash chain and report the first broken link",
            description = "Links fromLink..toLink (default: the whole chain up to its current head). A range that "
                    + "does not start at 1 trusts the stored hash of the link before it.")
    ChainVerificationView verify(
            @RequestParam(defaultValue = "1") @Min(1) long fromLink,
            @RequestParam(required = false) @Min(1) Long toLink) {
        if (toLink != null && toLink < fromLink) {
            throw new InvalidField("toLink", "must not be below fromLink");
        }
        return queries.query(new VerifyChain(fromLink, toLink), ChainVerificationView.class)
                .join();
    }
}
