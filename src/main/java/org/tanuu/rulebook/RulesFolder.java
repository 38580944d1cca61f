package org.tanuu.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a rules folder into its text files, by path relative to it ('/'-separated), in a stable order. What cannot
 * be read is a {@link RuleProblem} naming the file; nothing is thrown, so a bad file rejects a reload like a syntax
 * error does.
 *
 * <p>For a Kubernetes ConfigMap volume: symbolic links are followed as long as they stay inside the folder, entries
 * whose name starts with a dot are skipped (the volume is a set of links into a hidden {@code ..data} folder, swapped
 * atomically on update), and {@code __} in a name stands for {@code /} (a ConfigMap key cannot hold one:
 * {@code common__child.drl} is {@code common/child.drl}).
 */
public final class RulesFolder {
    /** A rule file is text a person edits: anything bigger is a mistake, and reading it would cost the pod's memory. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final long MAX_TOTAL_BYTES = 16L << 20;
    /** The kinds of file a rule book holds; README.md and other notes are read too (they are part of the version). */
    static final List<String> TEXT = List.of(".drl", ".yaml", ".yml", ".md");

    private RulesFolder() {
    }

    public static Map<String, String> read(Path folder, List<RuleProblem> problems) {
        Map<String, String> files = new TreeMap<>();
        Path root;
        try {
            root = folder.toRealPath();
        } catch (NoSuchFileException e) {
            problems.add(new RuleProblem(folder.toString(), 0, 0, "the rules folder does not exist"));
            return files;
        } catch (IOException e) {
            problems.add(new RuleProblem(folder.toString(), 0, 0, "cannot open the rules folder: " + reason(e)));
            return files;
        }
        if (!Files.isDirectory(root)) {
            problems.add(new RuleProblem(folder.toString(), 0, 0, "the rules folder is not a folder"));
            return files;
        }
        Reader reader = new Reader(folder.toString(), root, files);
        try {
            // Walk the real folder, so a link swapped during the walk cannot mix two versions of the folder.
            Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, reader);
        } catch (IOException e) {
            reader.problem(root, "cannot read the rules folder: " + reason(e)); // the reader throws nothing; to be safe
        }
        reader.problems.sort(Comparator.comparing(RuleProblem::file)); // the walk's order is the file system's
        problems.addAll(reader.problems);
        return files;
    }

    private static final class Reader extends SimpleFileVisitor<Path> {
        private final String folderName;
        private final Path root;
        private final Map<String, String> files;
        private final List<RuleProblem> problems = new ArrayList<>();
        private long total;

        Reader(String folderName, Path root, Map<String, String> files) {
            this.folderName = folderName;
            this.root = root;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            if (hidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            Path real = realPath(dir);
            if (real != null && !real.startsWith(root)) {
                problem(dir, "a link to a folder outside the rules folder (" + real + "): refused");
            }
            return real != null && real.startsWith(root) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (hidden(file) || file.getFileName().toString().endsWith("~")) {
                return FileVisitResult.CONTINUE; // hidden, or an editor's backup copy
            }
            if (attributes.isSymbolicLink()) { // a link the walk could not follow: dangling (skipped) or a loop
                realPath(file);
                return FileVisitResult.CONTINUE;
            }
            if (!attributes.isRegularFile()) { // a pipe or a device: reading could block or never end
                problem(file, "not a regular file");
                return FileVisitResult.CONTINUE;
            }
            String lower = file.getFileName().toString().toLowerCase();
            if (TEXT.stream().noneMatch(lower::endsWith)) {
                problem(file, "not a rule book file: the rules folder holds " + String.join(", ", TEXT)
                        + " files (a name starting with a dot is skipped)");
                return FileVisitResult.CONTINUE;
            }
            Path real = realPath(file);
            if (real == null) {
                return FileVisitResult.CONTINUE;
            }
            if (!real.startsWith(root)) {
                problem(file, "a link to a file outside the rules folder (" + real + "): refused");
                return FileVisitResult.CONTINUE;
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                problem(file, tooBig(attributes.size()));
                return FileVisitResult.CONTINUE;
            }
            if (total + attributes.size() > MAX_TOTAL_BYTES) {
                problem(file, "the rules folder holds more than " + MAX_TOTAL_BYTES / (1 << 20) + " MiB: not read further");
                return FileVisitResult.TERMINATE;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1); // the file may have grown since its size was read
            } catch (NoSuchFileException e) {
                return FileVisitResult.CONTINUE; // deleted while the folder was read: the watcher reloads again
            } catch (IOException e) {
                problem(file, "cannot be read: " + reason(e));
                return FileVisitResult.CONTINUE;
            }
            if (bytes.length > MAX_FILE_BYTES) {
                problem(file, tooBig(bytes.length));
                return FileVisitResult.CONTINUE;
            }
            total += bytes.length;
            String text = decode(bytes, name(file));
            if (text != null && files.put(name(file), text) != null) {
                problem(file, "two files in the folder are both " + name(file) + " ('__' in a name stands for '/')");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (hidden(file) || e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            problem(file, e instanceof FileSystemLoopException
                    ? "a link back to a folder that contains it (a loop): refused" : "cannot be read: " + reason(e));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null && !(e instanceof NoSuchFileException)) {
                problem(dir, "cannot be read: " + reason(e));
            }
            return FileVisitResult.CONTINUE;
        }

        /** The file's real path; null when it has gone (a dangling link: a ConfigMap key being removed). */
        private Path realPath(Path path) {
            try {
                return path.toRealPath();
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                problem(path, "cannot be followed: " + reason(e)); // e.g. a link to itself
                return null;
            }
        }

        /** Strict UTF-8: a file saved in another encoding is reported where its first bad byte is, not garbled. */
        private String decode(byte[] bytes, String name) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    line += bytes[i] == '\n' ? 1 : 0;
                }
                problems.add(new RuleProblem(name, line, column(out, out.position()), String.format(
                        "not UTF-8 text: byte 0x%02X at offset %d (saved in another encoding, e.g. Windows-1251, or not"
                                + " text): save the file as UTF-8", bytes[in.position()] & 0xff, in.position())));
                return null;
            }
            out.flip();
            for (int i = 0, line = 1; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                } else if (out.get(i) == 0) { // UTF-16 text or a binary file: valid UTF-8 bytes, but not a text file
                    problems.add(new RuleProblem(name, line, column(out, i), "holds a NUL character (a binary file,"
                            + " or text saved as UTF-16): save the file as UTF-8"));
                    return null;
                }
            }
            String text = out.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark some Windows editors write
        }

        private static int column(CharBuffer chars, int at) {
            int start = at;
            while (start > 0 && chars.get(start - 1) != '\n') {
                start--;
            }
            return at - start;
        }

        private String name(Path path) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            return relative.isEmpty() ? folderName : relative.replace("__", "/");
        }

        void problem(Path path, String message) {
            problems.add(new RuleProblem(name(path), 0, 0, message));
        }
    }

    private static String tooBig(long bytes) {
        return "is " + bytes + " bytes: a rule book file may hold at most " + MAX_FILE_BYTES / (1 << 20) + " MiB";
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    /** The reason without the path the exception repeats: "permission denied", "too many levels of symbolic links". */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
