package org.tanuu.rulebook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A proposed rules folder sent as an archive (zip, tar, gzipped tar), unpacked into a temporary folder that is always
 * deleted afterwards. Within the limits a rules folder has ({@link RulesFolder#MAX_FILE_BYTES} a file,
 * {@link RulesFolder#MAX_TOTAL_BYTES} in all), counted as the bytes are written, so a zip bomb stops at the limit.
 * An entry that would land outside the folder ({@code ..}, an absolute path), a link, a device or a pipe is refused
 * by name; nothing of a refused archive is read as rules.
 *
 * <p>Zip archives are read from their central directory, which holds the Unix file type (a link is marked only
 * there), with Apache Commons Compress, as tar archives are.
 */
public final class RulesArchive {
    /** The archive itself (compressed) may hold at most this. */
    public static final long MAX_ARCHIVE_BYTES = 2L << 20;
    /** Entries (files and folders) an archive may hold: the rule book has about a hundred. */
    public static final int MAX_ENTRIES = 10_000;
    public static final String ZIP = "application/zip";
    public static final String TAR = "application/x-tar";
    public static final String GZIP = "application/gzip";
    public static final List<String> TYPES = List.of(ZIP, TAR, GZIP);

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int UNIX_TYPE = 0170000;
    private static final int UNIX_FILE = 0100000;
    private static final int UNIX_FOLDER = 0040000;
    private static final int UNIX_LINK = 0120000;

    /**
     * Why an archive is refused: {@code entry} names the entry at fault, or is null when the archive as a whole is
     * (not an archive, too large, empty); {@code tooLarge} when a limit was reached.
     */
    public static final class Refused extends RuntimeException {
        private final String entry;
        private final boolean tooLarge;

        Refused(String entry, String message, boolean tooLarge) {
            super(message, null, false, false);
            this.entry = entry;
            this.tooLarge = tooLarge;
        }

        Refused(String entry, String message) {
            this(entry, message, false);
        }

        public String entry() {
            return entry;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private RulesArchive() {
    }

    /**
     * Unpacks {@code body} (of media type {@code type}, one of {@link #TYPES}) into a new temporary folder, applies
     * {@code check} to the rules folder found there and deletes the temporary folder, whatever happens. The rules
     * folder is the archive's top level, or its one folder when that is all it holds ({@code zip -r x.zip rules}).
     */
    public static <T> T withUnpacked(InputStream body, String type, Function<Path, T> check) {
        Path work;
        try {
            work = Files.createTempDirectory("tanuu-check-"); // readable by this user alone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the archive", e);
        }
        try {
            Path folder = work.resolve("rules");
            Files.createDirectory(folder);
            switch (type) {
                case ZIP -> unzip(body, work.resolve("archive.zip"), folder);
                case TAR -> untar(gunzipIfGzipped(new BufferedInputStream(body), false), folder);
                case GZIP -> untar(gunzipIfGzipped(new BufferedInputStream(body), true), folder);
                default -> throw new Refused(null, "not an archive type this service reads: " + type);
            }
            return check.apply(rulesFolder(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the archive into " + work, e);
        } finally {
            delete(work);
        }
    }

    private static void unzip(InputStream body, Path archive, Path folder) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive, StandardOpenOption.CREATE_NEW)) {
            copy(body, out, MAX_ARCHIVE_BYTES, null, () -> new Refused(null, "the archive is over "
                    + MAX_ARCHIVE_BYTES / (1 << 20) + " MiB", true));
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(archive).get();
        } catch (IOException e) {
            throw new Refused(null, "not a zip archive: " + reason(e));
        }
        try (zip) {
            Unpacker unpacker = new Unpacker(folder);
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                String name = entry.getName();
                int kind = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() & UNIX_TYPE : 0;
                if (entry.isUnixSymlink() || kind == UNIX_LINK) {
                    throw new Refused(name, "a link: an archive of rules holds files and folders only");
                }
                if (kind != 0 && kind != UNIX_FILE && kind != UNIX_FOLDER) {
                    throw new Refused(name, "not a regular file (a device, a pipe or a socket): refused");
                }
                if (entry.isDirectory()) {
                    unpacker.folder(name);
                    continue;
                }
                Path target = unpacker.target(name);
                if (target == null) {
                    continue;
                }
                InputStream in;
                try {
                    in = zip.getInputStream(entry);
                } catch (ZipException e) { // encrypted, an unknown compression method
                    throw new Refused(name, "cannot be unpacked: " + reason(e));
                }
                try (in) {
                    unpacker.write(name, target, in);
                }
            }
            unpacker.done();
        }
    }

    /** A tar stream; {@code gzipped} true: it must be gzipped, false: it may be. */
    private static InputStream gunzipIfGzipped(BufferedInputStream in, boolean gzipped) throws IOException {
        in.mark(2);
        boolean magic = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gzipped && !magic) {
            throw new Refused(null, "not gzip-compressed (" + GZIP + "): send a .tar.gz, or a plain tar as " + TAR);
        }
        Counted counted = new Counted(in);
        if (!magic) {
            return counted;
        }
        try {
            return new GZIPInputStream(counted);
        } catch (IOException e) {
            throw new Refused(null, "not a gzip stream, or a broken one: " + reason(e));
        }
    }

    private static void untar(InputStream in, Path folder) throws IOException {
        Unpacker unpacker = new Unpacker(folder);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = nextTarEntry(tar)) != null) {
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new Refused(name, "a link: an archive of rules holds files and folders only");
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new Refused(name, "not a regular file (a device or a pipe): refused");
                }
                if (entry.isDirectory()) {
                    unpacker.folder(name);
                } else if (entry.isFile() && !entry.isSparse()) {
                    Path target = unpacker.target(name);
                    if (target != null) {
                        unpacker.write(name, target, tar);
                    }
                } else {
                    throw new Refused(name, "not a file or a folder: refused");
                }
            }
        }
        unpacker.done();
    }

    private static TarArchiveEntry nextTarEntry(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (Refused e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) { // a header that is not a tar header
            throw new Refused(null, "not a tar archive: " + reason(e));
        }
    }

    /** The archive's one folder when that is all its top level holds (a folder zipped by name), else the top level. */
    private static Path rulesFolder(Path folder) throws IOException {
        try (Stream<Path> top = Files.list(folder)) {
            List<Path> entries = top.toList();
            return entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : folder;
        }
    }

    /** Writes entries under one folder, refusing what would leave it and counting what is written. */
    private static final class Unpacker {
        private final Path root;
        private final Set<String> seen = new HashSet<>();
        private long total;
        private int files;
        private int entries;

        Unpacker(Path root) {
            this.root = root;
        }

        /** Where entry {@code name} goes (null: skipped); refused when it would leave the folder. */
        Path target(String name) {
            String relative = relative(name);
            if (finderMetadata(relative)) {
                return null;
            }
            if (relative.isEmpty()) {
                throw new Refused(name, "a file without a name: refused");
            }
            if (!seen.add(relative)) {
                throw new Refused(name, "the archive holds two entries of this name");
            }
            Path target = root.resolve(relative).normalize();
            if (!target.startsWith(root) || target.equals(root)) { // the checks above make this unreachable: a second lock
                throw new Refused(name, "a path outside the folder: refused");
            }
            makeFolder(name, target.getParent());
            return target;
        }

        void folder(String name) {
            count(name);
            String relative = relative(name);
            if (!relative.isEmpty() && !finderMetadata(relative)) {
                makeFolder(name, root.resolve(relative));
            }
        }

        private static void makeFolder(String name, Path folder) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) { // a file of the archive already has this name
                throw new Refused(name, "a folder of this name clashes with a file of the archive");
            }
        }

        /** macOS's Finder adds {@code __MACOSX/} to the zips it makes: metadata, not rules. */
        private static boolean finderMetadata(String relative) {
            return relative.equals("__MACOSX") || relative.startsWith("__MACOSX/");
        }

        void write(String name, Path target, InputStream in) throws IOException {
            count(name);
            long written;
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                written = copy(in, out, Math.min(RulesFolder.MAX_FILE_BYTES, RulesFolder.MAX_TOTAL_BYTES - total), name,
                        () -> total + RulesFolder.MAX_FILE_BYTES < RulesFolder.MAX_TOTAL_BYTES
                                ? new Refused(name, "is over " + RulesFolder.MAX_FILE_BYTES / (1 << 20)
                                        + " MiB unpacked: a rule book file may hold at most that", true)
                                : new Refused(name, "the unpacked archive is over " + RulesFolder.MAX_TOTAL_BYTES / (1 << 20)
                                        + " MiB, as a rules folder may hold at most", true));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new Refused(name, "the archive holds two entries of this name");
            }
            total += written;
            files++;
        }

        private void count(String name) {
            if (++entries > MAX_ENTRIES) {
                throw new Refused(name, "the archive holds more than " + MAX_ENTRIES + " entries", true);
            }
        }

        void done() {
            if (files == 0) {
                throw new Refused(null, "the archive holds no files");
            }
        }
    }

    /**
     * The entry's path below the folder, '/'-separated, without {@code ./} and empty segments; refused when it is
     * absolute or climbs out with {@code ..} (zip-slip), or names a backslash or a NUL.
     */
    static String relative(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new Refused(name, "a NUL character in the entry name: refused");
        }
        if (name.indexOf('\\') >= 0) {
            throw new Refused(name, "a backslash in the entry name (a Windows path?): use '/' between folders");
        }
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw new Refused(name, "an absolute path: an entry must be relative to the rules folder");
        }
        StringBuilder relative = new StringBuilder();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new Refused(name, "a path outside the folder (..): refused");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                relative.append(relative.isEmpty() ? "" : "/").append(segment);
            }
        }
        return relative.toString();
    }

    /**
     * Copies at most {@code limit} bytes; one more is {@code over}. A failure to read is the archive's (broken,
     * truncated, encrypted): refused, naming {@code entry}; a failure to write is the service's.
     */
    private static long copy(InputStream in, OutputStream out, long limit, String entry,
                             java.util.function.Supplier<Refused> over) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new Refused(entry, (entry == null ? "the archive" : "the entry") + " cannot be read: " + reason(e));
            }
            if (n < 0) {
                break;
            }
            copied += n;
            if (copied > limit) {
                throw over.get();
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    /** Counts the bytes of the body a tar stream reads, refusing a body over {@link #MAX_ARCHIVE_BYTES}. */
    private static final class Counted extends java.io.FilterInputStream {
        private long read;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            counted(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            if ((read += n) > MAX_ARCHIVE_BYTES) {
                throw new Refused(null, "the archive is over " + MAX_ARCHIVE_BYTES / (1 << 20) + " MiB", true);
            }
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Deletes the temporary folder; it holds only files and folders this class made (never a link). */
    private static void delete(Path work) {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot delete the temporary folder " + work + ": " + e.getMessage(), e);
        }
    }
}
