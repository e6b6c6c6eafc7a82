package org.factorysharing.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.core.StandardHost;
import org.factorysharing.web.shared.ErrorPage;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error is application/problem+json, also those that never reach a controller: an unknown path or method, a
 * request the container or the firewall refuses (an encoded NUL or slash in the path, an over-long request line).
 * Spring's /error answers the same shape instead of its own JSON, and Tomcat's own error page is replaced. A browser
 * outside the API's addresses gets the pages' error page instead.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrors {

    /** Errors forwarded to /error by the container (a failed filter, sendError) keep their status. */
    @RestController
    static class ErrorEndpoint implements ErrorController {

        @RequestMapping("/error")
        Object error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // asked for directly, /error is just an address without a page
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value)
                    : HttpStatus.NOT_FOUND;
            if (wantsPage(request)) {
                return ErrorPage.of(status);
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(status, detail(status)));
        }

        /** A person's browser, outside the API's addresses, gets the error page in their language. */
        private static boolean wantsPage(HttpServletRequest request) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String path = uri instanceof String value ? value : request.getRequestURI();
            String accept = request.getHeader("Accept");
            return accept != null
                    && accept.contains("text/html")
                    && !path.startsWith("/api/")
                    && !path.startsWith("/engine-rest/")
                    && !path.startsWith("/camunda/api/");
        }
    }

    /** Requests Spring Security's firewall refuses (encoded slashes, NUL, ...): a 400 problem. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> write(json, response, HttpStatus.BAD_REQUEST);
    }

    /** Requests Tomcat refuses before any servlet runs: a problem instead of its HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    public static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is found at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case BAD_REQUEST -> "The request is malformed (its address, a parameter or a header).";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this request takes.";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's address or headers are too long.";
            default -> status.is5xxServerError() ? "Unexpected error; it has been logged." : status.getReasonPhrase();
        };
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail(status)));
    }
}
