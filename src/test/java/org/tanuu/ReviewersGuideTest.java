package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanuu.rulebook.RuleBook;
import org.tanuu.rulebook.RuleInfo;

/** The reviewers' guide (rules/README.md) shows rules as they are: each rule it quotes is the real one, word for word. */
class ReviewersGuideTest {

    @Test
    void everyRuleTheGuideQuotesIsTheRealRuleWordForWord() throws IOException {
        RuleBook book = RuleFiles.repositoryRules().ruleBook(); // compiled once for every test that reads rules/ as it is
        List<String> quoted = new ArrayList<>();
        String[] blocks = Files.readString(Path.of("rules/README.md")).split("```");
        for (int i = 1; i < blocks.length; i += 2) {
            String block = blocks[i].substring(blocks[i].indexOf('\n') + 1);
            if (!block.contains("@id(\"")) {
                continue;
            }
            String id = block.substring(block.indexOf("@id(\"") + 5, block.indexOf("\")", block.indexOf("@id(\"")));
            RuleInfo rule = book.rules().stream().filter(r -> id.equals(r.id())).findFirst()
                    .orElseThrow(() -> new AssertionError("the guide quotes a rule " + id + " the rule book does not have"));
            String file = Files.readString(Path.of("rules").resolve(rule.file()));
            assertTrue(file.contains(block), "the guide's " + id + " is not the rule in " + rule.file() + ":" + rule.line()
                    + " word for word:\n" + block);
            quoted.add(id);
        }
        assertFalse(quoted.isEmpty(), "the guide quotes a real rule");
    }
}
