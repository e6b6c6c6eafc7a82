package org.factorysharing.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it: 1 MB for JSON, forms and XML (a 10 MB unknown field used to
 * be read whole), more for uploads of documents. A declared length over the limit is refused at once; a body
 * without one is counted while it is read and stops at the limit. Either way the answer is 413 problem+json.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(
            ObjectMapper json,
            @Value("${fs.http.max-body-size:1MB}") DataSize maxBody,
            @Value("${fs.http.max-upload-size:11MB}") DataSize maxUpload) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(json, maxBody.toBytes(), maxUpload.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Counts body bytes; multipart uploads get their own, larger limit. */
    static final class BodyLimitFilter extends OncePerRequestFilter {

        private final ObjectMapper json;
        private final long maxBody;
        private final long maxUpload;

        BodyLimitFilter(ObjectMapper json, long maxBody, long maxUpload) {
            this.json = json;
            this.maxBody = maxBody;
            this.maxUpload = maxUpload;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getRequestURI().startsWith("/camunda/")) {
                chain.doFilter(request, response); // the webapps' own requests: small, and theirs to bound
                return;
            }
            String type = request.getContentType();
            long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUpload : maxBody;
            if (request.getContentLengthLong() > limit) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + limit + " bytes, the most this request takes.");
                problem.setTitle("Request body too large");
                response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setHeader("Connection", "close"); // the rest of the body is not read
                json.writeValue(response.getOutputStream(), problem);
                return;
            }
            chain.doFilter(new Bounded(request, limit), response);
        }
    }

    /** A request whose body stream fails with {@link BodyTooLarge} past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
