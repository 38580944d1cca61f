package org.tanuu.facts;

/**
 * One combination of element statuses that gives reasonable grounds (rules/parameters.yaml, presumption-combinations):
 * each of {@code act}, {@code means}, {@code purpose} is the least status that element must have (INDICATED or
 * ESTABLISHED; INDICATED is met by ESTABLISHED too), or null where the combination asks nothing of it.
 */
public record PresumptionCombination(String act, String means, String purpose) {
}
