package org.factorysharing.api.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Normalised codes of free-text names: "Coconut oil", "coconut-oil " and "Coconut  Oil" all become COCONUT_OIL. */
public final class Codes {

    private Codes() {}

    /** Upper case, accents dropped, every run of other characters one underscore; empty when nothing is left. */
    public static String of(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
