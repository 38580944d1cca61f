package org.tanuu.facts;

import java.util.List;

/** The indicators of one ILO/EC dimension, counted by strength (a question in two dimensions counts in each). */
public record DimensionEvidence(String dimension, String element, int strong, int medium, int weak, List<String> questions) {
}
