package org.factorysharing.server.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.factorysharing.audit.metadata.AuditMetadata;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who acts and the chain of work into every log line (MDC keys {@value #CORRELATION_ID} and {@value #USER}):
 * for a request its id (the client's {@code X-Request-Id} if it is a plain token, else a new one, echoed in the
 * answer) and the signed-in user; while a command, query or event is handled, the message's correlation id and actor
 * from its metadata ({@link AuditMetadata}). Only ids: never a name, NIK or contact detail.
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String USER = "user";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private LogContext() {}

    /** Before security: the request's correlation id. */
    static final class RequestIds extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(REQUEST_ID_HEADER);
            String id = given != null && TOKEN.matcher(given).matches()
                    ? given
                    : UUID.randomUUID().toString();
            response.setHeader(REQUEST_ID_HEADER, id);
            String before = MDC.get(CORRELATION_ID);
            MDC.put(CORRELATION_ID, id);
            try {
                chain.doFilter(request, response);
            } finally {
                restore(CORRELATION_ID, before);
            }
        }
    }

    /** After security: the signed-in user, when there is one. */
    static final class RequestUsers extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            String before = MDC.get(USER);
            if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                MDC.put(USER, user.getName());
            }
            try {
                chain.doFilter(request, response);
            } finally {
                restore(USER, before);
            }
        }
    }

    /** Commands, queries and events: correlation id and actor from the message's metadata while it is handled. */
    static final class Messages implements MessageHandlerInterceptor<Message<?>> {
        @Override
        public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
            MetaData metadata = unitOfWork.getMessage().getMetaData();
            Map<String, String> before = MDC.getCopyOfContextMap();
            Object correlation = metadata.get(AuditMetadata.CORRELATION_ID);
            Object actor = metadata.containsKey(AuditMetadata.USER_ID)
                    ? metadata.get(AuditMetadata.USER_ID)
                    : metadata.get(AuditMetadata.ACTOR);
            if (correlation != null) {
                MDC.put(CORRELATION_ID, correlation.toString());
            }
            if (actor != null) {
                MDC.put(USER, actor.toString());
            }
            try {
                return chain.proceed();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        }
    }

    private static void restore(String key, String before) {
        if (before == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, before);
        }
    }
}
