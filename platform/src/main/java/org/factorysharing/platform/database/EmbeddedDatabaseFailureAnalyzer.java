package org.factorysharing.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start-up that fails on the embedded database shows "APPLICATION FAILED TO START" with what was found
 * and what to do, not the bean-creation chain (that is logged at DEBUG). Registered in
 * META-INF/spring.factories.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseStartException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
