package org.tanuu.facts;

/** A YES answer to a question that states the element as the law names it ({@code basis: law}): it establishes the element. */
public record Stated(String question, String element) {
}
