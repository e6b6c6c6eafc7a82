package org.factorysharing.web.member;

import java.nio.charset.StandardCharsets;
import org.factorysharing.api.member.DocumentFormat;
import org.factorysharing.api.member.MemberQueries.MemberDocumentContent;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A member's document as served to a reader, by the pages (inline, beside the verification form) and by the API:
 * the media type recognised from its content when it was handed in (never the uploader's), shown inline under its
 * file name, never sniffed, never cached, framed only by our own pages, and with nothing active allowed inside.
 */
public final class DocumentResponses {

    /** A document is no page: it loads nothing, runs nothing, and only our own pages may frame it. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'";

    private DocumentResponses() {}

    public static ResponseEntity<byte[]> inline(MemberDocumentContent document) {
        MediaType type = DocumentFormat.ofContentType(document.document().contentType())
                .map(format -> MediaType.parseMediaType(format.contentType()))
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(document.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(document.document().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(document.content());
    }
}
