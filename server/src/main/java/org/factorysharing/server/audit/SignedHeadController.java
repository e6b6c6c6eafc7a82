package org.factorysharing.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.ChainHeads.FindSignedHeads;
import org.factorysharing.api.audit.ChainHeads.FindSigningKey;
import org.factorysharing.api.audit.ChainHeads.SignChainHead;
import org.factorysharing.api.audit.ChainHeads.SignedHeadView;
import org.factorysharing.api.audit.ChainHeads.SigningKeyView;
import org.factorysharing.api.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed heads of the hash chain for auditors: sign the head now, list the heads signed (on request and on the
 * schedule), and the public key to check them with, so that an export can be verified offline.
 */
@RestController
@RequestMapping("/api/audit/chain")
@Validated
@Tag(name = "Audit", description = "Auditors' toolkit: read-only")
class SignedHeadController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    SignedHeadController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/heads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Sign the chain's head now (Ed25519) and keep the signed head",
            description = "409 audit.no-signing-key when the server has no signing key (FS_AUDIT_SIGNING_KEY). "
                    + "Keep the answer: the verifier checks an export against it with the public key.")
    SignedHeadView sign(Authentication user) {
        return commands.sendAndWait(new SignChainHead(user.getName()));
    }

    @GetMapping("/heads")
    @Operation(summary = "The latest signed heads, newest first")
    List<SignedHeadView> heads(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        return queries.query(new FindSignedHeads(limit), ResponseTypes.multipleInstancesOf(SignedHeadView.class))
                .join();
    }

    @GetMapping("/signing-key")
    @Operation(summary = "The public key that verifies signed heads (404 when none is configured)")
    SigningKeyView signingKey() {
        return queries.query(new FindSigningKey(), ResponseTypes.optionalInstanceOf(SigningKeyView.class))
                .join()
                .orElseThrow(() -> new NotFound("signing key"));
    }
}
