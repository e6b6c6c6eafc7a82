package org.factorysharing.api.shared;

/** Rules on free text that every door applies alike (request bodies, task forms, pages). */
public final class TextRules {

    /**
     * Text without control characters (tab and line breaks allowed) and without unpaired surrogates. PostgreSQL
     * refuses NUL in text columns, so without this check such input would be stored as an event and then stop a
     * projection; a lone surrogate is no character at all and would be stored as "?".
     */
    public static final String PLAIN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uD800-\\uDFFF]*";

    private TextRules() {}
}
