package org.tanuu.facts;

import java.util.List;

/** Unanswered questions of an element that could still change the decision. */
public record Missing(String element, List<String> questions) {
}
