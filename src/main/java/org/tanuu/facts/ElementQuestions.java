package org.tanuu.facts;

import java.util.List;

/** Every question of one element (ACT, MEANS or PURPOSE), in questionnaire order; built once per rule book. */
public record ElementQuestions(String element, List<String> questions) {
}
