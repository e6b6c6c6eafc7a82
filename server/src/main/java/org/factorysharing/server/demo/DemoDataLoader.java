package org.factorysharing.server.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.platform.database.DatabaseMode;
import org.factorysharing.workflows.identity.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells the programme's story on a new demo database (docs/demo-data.md): once the server is ready, when
 * fs.demo-data.enabled says so (empty: only with the embedded database) and the registry holds no factory yet, it
 * writes {@link DemoStory} in the background through the product's own commands and workflow tasks, acting as the
 * demo users. A second start finds the factories and writes nothing. A failure is logged and leaves the server
 * running: what was written stays, as every event does.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** How a start went with the demo data. */
    public enum Outcome {
        /** Switched off (fs.demo-data.enabled, or an external database). */
        OFF,
        /** The registry held factories already: nothing written. */
        PRESENT,
        /** The story was written. */
        WRITTEN,
        /** Writing stopped at a step (logged); the server runs on. */
        FAILED
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DemoActors actors;
    private final DatabaseMode database;
    private final IdentitySetup identity;
    private final String enabled;
    private final Duration patience;
    private final CompletableFuture<Outcome> finished = new CompletableFuture<>();

    DemoDataLoader(
            CommandGateway commands,
            QueryGateway queries,
            DemoActors actors,
            DatabaseMode database,
            IdentitySetup identity,
            @Value("${fs.demo-data.enabled:}") String enabled,
            @Value("${fs.demo-data.patience:2m}") Duration patience) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.database = database;
        this.identity = identity;
        this.enabled = enabled;
        this.patience = patience;
    }

    /** On by default with the embedded database only; true or false force it. */
    public boolean enabled() {
        return StringUtils.hasText(enabled) ? Boolean.parseBoolean(enabled.strip()) : database.embedded();
    }

    /** Completes when this start is done with the demo data (at once when it is off or present). */
    public CompletableFuture<Outcome> finished() {
        return finished;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!enabled()) {
            finished.complete(Outcome.OFF);
            return;
        }
        Thread loader = new Thread(this::load, "demo-data");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            finished.complete(loadNow());
        } catch (RuntimeException e) {
            log.error(
                    "Demo data: {}. The server runs on; what was written stays (events are never removed), and the"
                            + " next start writes nothing more because the registry holds factories now. For a fresh"
                            + " story, stop the server and start it on an empty data directory (FS_DATA_DIR).",
                    e.getMessage(),
                    e);
            finished.complete(Outcome.FAILED);
        } catch (Error e) {
            finished.completeExceptionally(e);
            throw e;
        }
    }

    Outcome loadNow() {
        long factories = queries.query(new FindFactories(null, null, null, 0, 1), FactoryPage.class)
                .join()
                .totalItems();
        if (factories > 0) {
            log.info("Demo data: the registry holds {} factories already; nothing written", factories);
            return Outcome.PRESENT;
        }
        List<String> missing = DemoStoryWriter.ACTORS.stream()
                .filter(user -> !actors.exists(user))
                .toList();
        if (!identity.demoUsersEnabled() || !missing.isEmpty()) {
            log.warn(
                    "Demo data: switched on, but the demo users it acts as are missing ({}); nothing written."
                            + " Turn the demo users on (FS_DEMO_USERS=true) or the demo data off (FS_DEMO_DATA=false).",
                    missing.isEmpty() ? "fs.demo-users.enabled is false" : String.join(", ", missing));
            return Outcome.OFF;
        }
        log.info("Demo data: writing the programme's story (the 2022 pilot and the 2023 wave) in the background...");
        long started = System.nanoTime();
        DemoStoryWriter writer = new DemoStoryWriter(commands, queries, actors, patience);
        try {
            writer.write();
        } catch (DemoStoryWriter.StepFailed e) {
            throw new IllegalStateException(e.getMessage() + " (written until then: " + writer.counts() + ")", e);
        }
        log.info(
                "Demo data written in {} s: {}. Sign in as officer, planner, staff or member (docs/demo-data.md).",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                writer.counts());
        return Outcome.WRITTEN;
    }
}
