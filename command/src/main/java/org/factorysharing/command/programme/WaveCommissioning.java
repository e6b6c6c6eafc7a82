package org.factorysharing.command.programme;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.programme.WaveCommands.RecordFactoryCommissioned;
import org.springframework.stereotype.Component;

/**
 * Policy: a commissioned factory counts in its wave (the first one starts the wave). Runs in the streaming
 * processor's transaction and waits for the command, so a failure rolls back the token with the command.
 * Replays are harmless: the wave records each factory's commissioning once.
 */
@Component
@ProcessingGroup(WaveCommissioning.PROCESSING_GROUP)
class WaveCommissioning {

    static final String PROCESSING_GROUP = "wave-commissioning";

    private final WaveClaims claims;
    private final CommandGateway commands;

    WaveCommissioning(WaveClaims claims, CommandGateway commands) {
        this.claims = claims;
        this.commands = commands;
    }

    @EventHandler
    void on(FactoryCommissioned event, @Timestamp Instant commissionedAt) {
        claims.waveOf(event.factoryId())
                .ifPresent(waveId ->
                        commands.sendAndWait(new RecordFactoryCommissioned(waveId, event.factoryId(), commissionedAt)));
    }
}
