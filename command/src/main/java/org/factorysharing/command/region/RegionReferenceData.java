package org.factorysharing.command.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionCommands.ImportRegion;
import org.factorysharing.api.region.RegionEvent.RegionImported;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.command.shared.KnownAggregates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the regions reference list shipped with the server (a versioned data file, read from the classpath,
 * never from the network) as events: each region not in the event store yet is imported once. Regions already
 * there are left alone, since officers edit them through the API; a later file version adds its new regions.
 */
@Component
public class RegionReferenceData {

    static final String FILE = "reference/regions-v1.csv";
    static final String SOURCE = "regions-v1.csv (sample data shipped with the server)";

    private static final Logger log = LoggerFactory.getLogger(RegionReferenceData.class);

    private final CommandGateway commands;
    private final KnownAggregates known;

    RegionReferenceData(CommandGateway commands, KnownAggregates known) {
        this.commands = commands;
        this.known = known;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void importMissingRegions() throws IOException {
        int imported = 0;
        for (ImportRegion region : read()) {
            if (known(region.regionId())) {
                continue;
            }
            try {
                commands.sendAndWait(region);
                imported++;
            } catch (RuntimeException alreadyThere) {
                // another node imported it at the same moment: the event store's key refused the second copy
                if (!known(region.regionId())) {
                    throw alreadyThere;
                }
            }
        }
        if (imported > 0) {
            log.info("Imported {} regions from {}", imported, FILE);
        }
    }

    private boolean known(RegionId regionId) {
        return known.startsWith(regionId.value(), RegionImported.class);
    }

    /** The file's regions in file order, each with its potentials. */
    public static List<ImportRegion> read() throws IOException {
        Map<RegionId, List<String[]>> rows = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", 5);
                if (cells.length != 5) {
                    throw new IllegalStateException(FILE + ": expected 5 columns in: " + line);
                }
                rows.computeIfAbsent(RegionId.of(cells[0], cells[1]), id -> new ArrayList<>())
                        .add(cells);
            }
        }
        List<ImportRegion> regions = new ArrayList<>();
        rows.forEach((id, cells) -> regions.add(new ImportRegion(
                id,
                cells.get(0)[0].strip(),
                cells.get(0)[1].strip(),
                cells.stream()
                        .map(c -> new CommodityPotential(c[2].strip(), Integer.parseInt(c[3].strip()), c[4].strip()))
                        .toList(),
                SOURCE)));
        return regions;
    }
}
