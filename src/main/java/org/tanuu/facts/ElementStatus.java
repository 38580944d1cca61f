package org.tanuu.facts;

import java.util.List;

/** Where an element stands: ESTABLISHED, INDICATED, NOT_FOUND or UNKNOWN, with a 0-100 score and its evidence. */
public record ElementStatus(String element, String status, int score, List<String> evidence) {
}
