package org.factorysharing.web.shared.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factorysharing.api.shared.InvalidField;

/** How an export writes events: one line per event, CSV (RFC 4180, CRLF, with a header) or JSON Lines. */
public enum ExportFormat {
    CSV("text/csv", "csv") {
        @Override
        void start(Writer out) throws IOException {
            out.write(
                    "globalIndex,eventId,aggregateType,aggregateId,sequence,eventType,timestamp,payload,metadata\r\n");
        }

        @Override
        void write(Writer out, AuditEventBody event, ObjectWriter json) throws IOException {
            out.write(Stream.of(
                            String.valueOf(event.globalIndex()),
                            event.eventId(),
                            event.aggregateType(),
                            event.aggregateId(),
                            String.valueOf(event.sequence()),
                            event.eventType(),
                            event.timestamp().toString(),
                            event.payload(),
                            event.metadata())
                    .map(ExportFormat::csvField)
                    .collect(Collectors.joining(",", "", "\r\n")));
        }
    },

    JSONL("application/x-ndjson", "jsonl") {
        @Override
        void write(Writer out, AuditEventBody event, ObjectWriter json) throws JsonProcessingException, IOException {
            out.write(json.writeValueAsString(event));
            out.write('\n');
        }
    };

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The format named csv or jsonl (any case); a 400 naming the field otherwise. */
    public static ExportFormat of(String format) {
        for (ExportFormat candidate : values()) {
            if (format != null && candidate.name().equals(format.strip().toUpperCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new InvalidField("format", "must be csv or jsonl");
    }

    public String contentType() {
        return contentType;
    }

    public String fileName() {
        return "events." + extension;
    }

    void start(Writer out) throws IOException {
        // JSON Lines has no header
    }

    abstract void write(Writer out, AuditEventBody event, ObjectWriter json) throws IOException;

    /** Quoted when it holds a comma, quote or line break; quotes doubled. A missing value is empty. */
    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
