package org.factorysharing.command.programme;

import java.util.Optional;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.programme.WaveId;

/** Set validation for enrolments: a factory belongs to at most one wave. */
interface WaveClaims {

    /** Claims the factory for the wave; answers the wave that holds the claim afterwards. */
    WaveId claim(FactoryId factoryId, WaveId waveId);

    /** The wave the factory is enrolled in, if any. */
    Optional<WaveId> waveOf(FactoryId factoryId);
}
