package org.factorysharing.verifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) that keeps, for every value, where it stands in the text: the hash chain
 * covers the stored payload and metadata byte for byte, and the export passes them through unparsed, so the verifier
 * hashes the exact text of those values, not a re-serialisation.
 */
final class Json {

    /** A value and its span [start, end) in the text; objects are maps, arrays lists, numbers BigDecimal. */
    record Value(Object value, int start, int end, String text) {

        String raw() {
            return text.substring(start, end);
        }

        @SuppressWarnings("unchecked")
        Map<String, Value> object() {
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("expected an object at character " + start);
            }
            return (Map<String, Value>) value;
        }

        String string() {
            if (value != null && !(value instanceof String)) {
                throw new IllegalArgumentException("expected a string at character " + start);
            }
            return (String) value;
        }

        long number() {
            if (!(value instanceof BigDecimal number)) {
                throw new IllegalArgumentException("expected a number at character " + start);
            }
            return number.longValueExact();
        }
    }

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Value parse(String text) {
        Json json = new Json(text);
        json.space();
        Value value = json.value();
        json.space();
        if (json.at != text.length()) {
            throw json.error("text after the value");
        }
        return value;
    }

    private Value value() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        int start = at;
        char c = text.charAt(at);
        Object value;
        switch (c) {
            case '{' -> value = object();
            case '[' -> value = array();
            case '"' -> value = string();
            case 't' -> value = literal("true", Boolean.TRUE);
            case 'f' -> value = literal("false", Boolean.FALSE);
            case 'n' -> value = literal("null", null);
            default -> value = number();
        }
        return new Value(value, start, at, text);
    }

    private Map<String, Value> object() {
        Map<String, Value> members = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            space();
            expect(':');
            space();
            if (members.put(name, value()) != null) {
                throw error("duplicate member " + name);
            }
            space();
            char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Value> array() {
        List<Value> items = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') {
            at++;
            return items;
        }
        while (true) {
            space();
            items.add(value());
            space();
            char c = next();
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("expected " + word);
        }
        at += word.length();
        return value;
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw error("unexpected character '" + text.charAt(at) + "'");
        }
        try {
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at character " + at + ": " + what);
    }
}
