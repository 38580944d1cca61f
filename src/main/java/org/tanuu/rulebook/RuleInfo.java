package org.tanuu.rulebook;

import java.util.List;

/**
 * One rule of the rule book as a reviewer reads it: its metadata, where it stands and its DRL text.
 * {@code jurisdiction} is the folder it lives in (common, palermo, kg, kz).
 */
public record RuleInfo(String id, String title, String citation, String source, List<String> todo,
                       String jurisdiction, String file, int line, String dateEffective, String dateExpires,
                       String packageName, String name, String drl) {
}
