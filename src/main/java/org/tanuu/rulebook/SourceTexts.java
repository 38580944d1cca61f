package org.tanuu.rulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts our citations refer to, read from the sources folder where it is present (in the repository,
 * ../shared/sources; in a container, usually nowhere): a reviewer checks a rule's @source against the cited lines
 * themselves. Each file is read once; a text that is not there says so.
 */
public final class SourceTexts {
    /** The cited lines of a citation, or why there are none. */
    public record Excerpt(String citation, String file, Integer first, Integer last, List<String> text, String note) {
    }

    private final Path folder;
    private final Map<String, List<String>> read = new ConcurrentHashMap<>();

    public SourceTexts(Path folder) {
        this.folder = folder;
    }

    public Excerpt excerpt(Bibliography bibliography, String citation) {
        Bibliography.Lines lines = citation == null ? null : bibliography.lines(citation);
        if (lines == null) {
            return new Excerpt(citation, null, null, null, List.of(), "cited by article, not by line: no text to show");
        }
        String file = lines.source().file();
        List<String> text = file == null ? null : text(file);
        if (text == null) {
            return new Excerpt(citation, file, lines.first(), lines.last(), List.of(), "text not available here");
        }
        int last = Math.min(lines.last(), text.size());
        return new Excerpt(citation, file, lines.first(), lines.last(), List.copyOf(text.subList(Math.min(lines.first() - 1, last), last)), null);
    }

    /** The lines of a file in the folder, or null when it is not there (or not inside the folder). */
    private List<String> text(String file) {
        return read.computeIfAbsent(file, name -> {
            try {
                Path path = folder.resolve(name).normalize();
                return path.startsWith(folder.normalize()) && Files.isRegularFile(path)
                        ? Files.readAllLines(path, StandardCharsets.UTF_8) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }
}
