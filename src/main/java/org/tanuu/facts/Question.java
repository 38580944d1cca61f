package org.tanuu.facts;

import java.util.List;

/**
 * A questionnaire item, loaded from rules/questionnaire.yaml. {@code childStrength} equals {@code strength}
 * where the catalogue gives no child override, so rules never have to fall back themselves. {@code min} and
 * {@code max} bound an int answer where the catalogue sets them.
 */
public record Question(String id, String kind, List<String> values, String element, String dimension,
                       String strength, String childStrength, String text, Integer min, Integer max) {

    public String strengthFor(boolean child) {
        return child ? childStrength : strength;
    }
}
