package org.factorysharing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.springboot.updates.UpdateCheckConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The server never calls out: Axon's update checker is off, Axon Server is not used. */
@ServerTest
class NoPhoneHomeTest {

    @Autowired
    UpdateCheckConfiguration updateCheck;

    @Value("${axon.axonserver.enabled}")
    boolean axonServer;

    @Test
    void axonUpdateCheckerAndAxonServerAreOff() {
        assertThat(updateCheck.getDisabled()).isTrue();
        assertThat(axonServer).isFalse();
    }
}
