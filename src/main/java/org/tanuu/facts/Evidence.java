package org.tanuu.facts;

import java.util.List;

/** The indicators of one element, counted by strength, and the questions they come from. */
public record Evidence(String element, int strong, int medium, int weak, List<String> questions) {
}
