package org.tanuu.facts;

/**
 * One combination of indicators that establishes an element (rules/parameters.yaml): at least {@code strong}
 * strong, {@code medium} medium and {@code weak} weak indicators, and at least {@code mediumOrWeak} of the two, counted
 * within the {@code scope} the parameter names ({@code dimension}: within one ILO/EC dimension).
 */
public record Combination(String scope, int strong, int medium, int weak, int mediumOrWeak) {
}
