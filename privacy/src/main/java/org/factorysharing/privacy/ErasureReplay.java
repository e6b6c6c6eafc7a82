package org.factorysharing.privacy;

import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start, before the node reports ready: every forget in the erasure list that this database lacks (a restore of a
 * backup taken before it) is applied again, as a forget command of {@value #ACTOR}, so the event store records it
 * and the member's key is deleted again. A member the database does not know (registered after the backup) gets a
 * tombstone key, so nothing can be encrypted for it again.
 */
final class ErasureReplay {

    static final String ACTOR = "system:erasure-list";
    static final String REASON = "re-applied from the erasure list: the database lacked this forget (restored backup)";
    private static final Logger log = LoggerFactory.getLogger(ErasureReplay.class);

    private final ErasureList list;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PersonalDataKeys keys;

    ErasureReplay(ErasureList list, JdbcTemplate jdbc, CommandGateway commands, PersonalDataKeys keys) {
        this.list = list;
        this.jdbc = jdbc;
        this.commands = commands;
        this.keys = keys;
    }

    /** Returns how many forgets were applied again. */
    int replay() {
        Set<String> listed = list.memberIds();
        int applied = 0;
        for (String memberId : listed) {
            if (forgotten(memberId)) {
                continue;
            }
            try {
                commands.sendAndWait(new ForgetMemberPersonalData(new MemberId(memberId), REASON, ACTOR));
            } catch (RuntimeException e) {
                if (!unknownMember(e)) {
                    throw e; // the node must not start and serve personal data it was asked to forget
                }
                keys.forget(memberId);
            }
            applied++;
            log.warn(
                    "Erasure list: member {} was forgotten before but not in this database; forgotten again", memberId);
        }
        log.info("Erasure list {}: {} forgets listed, {} applied again", list.directory(), listed.size(), applied);
        return applied;
    }

    private static boolean unknownMember(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private boolean forgotten(String memberId) {
        Integer rows = jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND forgotten_at IS NOT NULL",
                Integer.class,
                memberId);
        return rows != null && rows > 0;
    }
}
