package org.factorysharing.web.factory;

import java.util.Locale;
import org.factorysharing.api.shared.Codes;

/** Commodity codes of the region reference list (COCONUT, WOVEN_TEXTILES) and the names a factory is proposed with. */
public final class Commodities {

    private Commodities() {}

    /**
     * The commodity's name for a proposal, from its code: "Coconut", "Woven textiles". It normalises back to the same
     * code, so the factory's commodity is exactly the one the region has a potential for.
     */
    public static String nameOf(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
        String name = words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        if (!Codes.of(name).equals(code)) {
            throw new IllegalArgumentException("not a commodity code: " + code);
        }
        return name;
    }
}
