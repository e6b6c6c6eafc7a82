package org.factorysharing.server.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator watches: readiness of the read models and bridges, the programme's metrics (Prometheus at
 * /actuator/prometheus, admins only) and who acted in every log line. Settings: {@code fs.health.*} in
 * fs-defaults/server.properties, {@code management.*} in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    ProcessorProgress processorProgress(
            QueryGateway queries, @Value("${fs.health.processor-stuck-after}") Duration stuckAfter) {
        return new ProcessorProgress(queries, Clock.systemUTC(), stuckAfter);
    }

    /** Health contributor "processors" (part of the readiness group). */
    @Bean
    ProcessorsHealthIndicator processorsHealthIndicator(ProcessorProgress progress) {
        return new ProcessorsHealthIndicator(progress);
    }

    @Bean
    OperationsMetrics operationsMetrics(ProcessorProgress progress, JdbcTemplate jdbc) {
        return new OperationsMetrics(progress, jdbc, Clock.systemUTC());
    }

    /** Once the processors are registered: a series per processor and dead-letter group. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> operationsMetricsDiscovery(OperationsMetrics metrics) {
        return ready -> metrics.discover();
    }

    /** Axon's command, query and processor figures, their capacity over a bounded window. */
    @Bean
    GlobalMetricRegistry axonMetrics(MeterRegistry registry) {
        return new BoundedAxonMetrics(registry);
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    @Bean
    MessageHandlerInterceptor<Message<?>> messageLogContext() {
        return new LogContext.Messages();
    }

    @Bean
    FilterRegistrationBean<LogContext.RequestIds> requestLogContext() {
        FilterRegistrationBean<LogContext.RequestIds> filter =
                new FilterRegistrationBean<>(new LogContext.RequestIds());
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return filter;
    }

    @Bean
    FilterRegistrationBean<LogContext.RequestUsers> userLogContext() {
        FilterRegistrationBean<LogContext.RequestUsers> filter =
                new FilterRegistrationBean<>(new LogContext.RequestUsers());
        filter.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return filter;
    }
}
