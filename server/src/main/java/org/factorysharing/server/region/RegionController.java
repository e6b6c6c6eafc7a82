package org.factorysharing.server.region;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.region.RegionCommands.RemoveCommodityPotential;
import org.factorysharing.api.region.RegionCommands.SetCommodityPotential;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.region.RegionQueries.FindRegion;
import org.factorysharing.api.region.RegionQueries.FindRegions;
import org.factorysharing.api.region.RegionQueries.RegionPage;
import org.factorysharing.api.region.RegionQueries.RegionView;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ReasonRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regions reference list (province, regency) and their commodity potentials: shipped as sample data, then
 * maintained by officers. Every change is an event; the list is a projection and follows within moments.
 */
@RestController
@RequestMapping("/api/regions")
@Validated
@Tag(name = "Regions", description = "Regions and their commodity potential, where shared factories fit")
class RegionController {

    private static final String CODE = "[A-Z0-9_]{1,120}";

    private final CommandGateway commands;
    private final QueryGateway queries;

    RegionController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Regions: filter by province code; with a commodity code, ranked by potential for it")
    RegionPage list(
            @RequestParam(required = false) @Pattern(regexp = CODE) String province,
            @RequestParam(required = false) @Pattern(regexp = CODE) String commodity,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(new FindRegions(province, commodity, page, size), RegionPage.class)
                .join();
    }

    @GetMapping("/{province}/{regency}")
    @Operation(summary = "One region with its commodity potentials, best first")
    RegionView get(
            @PathVariable @Pattern(regexp = CODE) String province,
            @PathVariable @Pattern(regexp = CODE) String regency) {
        return find(province, regency);
    }

    @PutMapping("/{province}/{regency}/potentials/{commodity}")
    @Operation(summary = "Set the potential of a commodity (officers)", description = "404 for an unknown region.")
    ResponseEntity<Void> setPotential(
            @PathVariable @Pattern(regexp = CODE) String province,
            @PathVariable @Pattern(regexp = CODE) String regency,
            @PathVariable @Pattern(regexp = CODE) String commodity,
            @Valid @RequestBody PotentialRequest request,
            Authentication user) {
        commands.sendAndWait(new SetCommodityPotential(
                regionId(province, regency), commodity, request.score(), request.sourceNote(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{province}/{regency}/potentials/{commodity}/removal")
    @Operation(
            summary = "Remove the potential of a commodity (officers)",
            description = "409 when the region has no potential for it.")
    ResponseEntity<Void> removePotential(
            @PathVariable @Pattern(regexp = CODE) String province,
            @PathVariable @Pattern(regexp = CODE) String regency,
            @PathVariable @Pattern(regexp = CODE) String commodity,
            @Valid @RequestBody ReasonRequest request,
            Authentication user) {
        commands.sendAndWait(
                new RemoveCommodityPotential(regionId(province, regency), commodity, request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    private RegionView find(String province, String regency) {
        return queries.query(
                        new FindRegion(regionId(province, regency)), ResponseTypes.optionalInstanceOf(RegionView.class))
                .join()
                .orElseThrow(() -> new NotFound("region " + province + "/" + regency));
    }

    /** Path segments are the codes already (SULAWESI_UTARA / MINAHASA). */
    private static RegionId regionId(String province, String regency) {
        return new RegionId(province + "/" + regency);
    }

    /** A potential from 0 to 100 and where the figure comes from. */
    record PotentialRequest(
            @NotNull @Min(0) @Max(100) Integer score,
            @NotBlank @PlainText @Size(max = 1000) String sourceNote) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final PotentialRequest EXAMPLE = new PotentialRequest(85, "BPS Sulawesi Utara 2025: produksi kelapa");
    }
}
