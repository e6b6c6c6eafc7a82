package org.factorysharing.command.programme;

import java.util.Optional;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.programme.WaveId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A primary-key insert in the command's transaction, as for NIBs: a concurrent claim waits, then loses. */
@Component
class JdbcWaveClaims implements WaveClaims {

    private final JdbcTemplate jdbc;

    JdbcWaveClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WaveId claim(FactoryId factoryId, WaveId waveId) {
        jdbc.update("""
                INSERT INTO wave_factory_claim (factory_id, wave_id, claimed_at) VALUES (?, ?, now())
                ON CONFLICT (factory_id) DO NOTHING""", factoryId.value(), waveId.value());
        return waveOf(factoryId).orElseThrow();
    }

    @Override
    public Optional<WaveId> waveOf(FactoryId factoryId) {
        return jdbc
                .queryForList(
                        "SELECT wave_id FROM wave_factory_claim WHERE factory_id = ?", String.class, factoryId.value())
                .stream()
                .findFirst()
                .map(WaveId::new);
    }
}
