package dev.telemetrycdi.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.telemetrycdi.it.LogFile.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The log file on a real server, in an application that is not the sample: rotated by size under concurrent requests
 * ({@code telemetry.log.max-file-size=1}, the smallest size), moved away by an external {@code logrotate} (its
 * {@code create} mode, with and without the new file made by logrotate) and truncated in place ({@code copytruncate}).
 * Every line of every file is parsed as JSON, and every request's lines are counted across the files: each exactly
 * once, whole, and in each client thread's order. A full device ({@code /dev/full}) is {@link SinkFaultsIT}'s.
 */
@ExtendWith(ArquillianExtension.class)
class LogRotationIT {
    private static final long MIB = 1024 * 1024;
    /** The most the writer hands the file in one write: its byte buffer (LineWriter). Rotation is decided per write. */
    private static final long LARGEST_WRITE = 64 * 1024;
    /** How long after a move the module may take to write to a new file: its check interval (1 s), and slack. */
    private static final long REOPEN_LIMIT_MS = 2_000;
    private static final Pattern ENTRY = Pattern.compile("Item \\d+ history entry (\\d+)");

    private static final ForeignApp KEPT = ForeignApp.rest("rotation-kept")
            .with("telemetry.log.max-file-size", "1").with("telemetry.log.max-files", "1000");
    private static final ForeignApp BOUNDED = ForeignApp.rest("rotation-bounded")
            .with("telemetry.log.max-file-size", "1").with("telemetry.log.max-files", "2");
    private static final ForeignApp MOVED = ForeignApp.rest("rotation-moved")
            .with("telemetry.log.max-file-size", "0");
    private static final ForeignApp TRUNCATED = ForeignApp.rest("rotation-truncated")
            .with("telemetry.log.max-file-size", "0");

    @ArquillianResource
    @OperateOnDeployment("kept")
    URL keptUrl;

    @ArquillianResource
    @OperateOnDeployment("bounded")
    URL boundedUrl;

    @ArquillianResource
    @OperateOnDeployment("moved")
    URL movedUrl;

    @ArquillianResource
    @OperateOnDeployment("truncated")
    URL truncatedUrl;

    @Deployment(name = "kept", testable = false, order = 1)
    static WebArchive kept() {
        return withoutOldFiles(KEPT);
    }

    @Deployment(name = "bounded", testable = false, order = 2)
    static WebArchive bounded() {
        return withoutOldFiles(BOUNDED);
    }

    @Deployment(name = "moved", testable = false, order = 3)
    static WebArchive moved() {
        return withoutOldFiles(MOVED);
    }

    @Deployment(name = "truncated", testable = false, order = 4)
    static WebArchive truncated() {
        return withoutOldFiles(TRUNCATED);
    }

    @Test
    void rotationUnderConcurrentLoadKeepsEveryRequestsLinesOnceWholeAndInOrder() {
        Path log = KEPT.log().path();
        Map<String, Load.Sent> sent;
        try (Load load = Load.start(keptUrl, "kept")) {
            load.until(() -> Files.exists(rotated(log, 4)), "four rotations");
            sent = load.stop();
        }
        List<Path> files = settle(log, sent.keySet());
        System.out.println("LogRotationIT kept: " + sent.size() + " requests, files " + sizes(files));
        int oldest = LogSet.number(files.get(0));
        assertTrue(oldest >= 4, "rotated " + oldest + " times: " + files);
        for (int n = oldest; n >= 1; n--) {
            assertEquals(rotated(log, n), files.get(oldest - n), "the rotated files are numbered without a gap");
            assertAboutTheConfiguredSize(rotated(log, n));
        }
        LogSet lines = LogSet.read(files);
        assertEveryRequestOnce(lines, sent, files);
        assertNoLineTwice(lines, sent);
        assertInEachThreadsOrder(lines, sent);
        JsonObject initialized = lines.events("telemetry_initialized").get(0).json();
        assertEquals(1, LogFile.number(initialized, "telemetry.log.max-file-size"));
        assertEquals(1000, LogFile.number(initialized, "telemetry.log.max-files"));
        assertEquals(files.get(0), lines.events("telemetry_initialized").get(0).file(),
                "the first line is in the oldest file");
        assertNoRotationWarning(log);
        delete(files.subList(0, files.size() - 1));
    }

    @Test
    void onlyMaxFilesRotatedFilesAreKeptAndTheyHoldTheNewestLines() {
        Path log = BOUNDED.log().path();
        Map<String, Load.Sent> sent;
        Rotations rotations = new Rotations(log);
        try (Load load = Load.start(boundedUrl, "bounded")) {
            load.until(() -> rotations.count() >= 4, "four rotations");
            sent = load.stop();
        }
        List<Path> files = settle(log, lastOfEachThread(sent));
        System.out.println("LogRotationIT bounded: " + sent.size() + " requests, files " + sizes(files));
        assertEquals(List.of(rotated(log, 2), rotated(log, 1), log), files, "max-files=2 rotated files are kept");
        assertAboutTheConfiguredSize(rotated(log, 2));
        assertAboutTheConfiguredSize(rotated(log, 1));
        LogSet lines = LogSet.read(files);
        assertInEachThreadsOrder(lines, sent);
        // the oldest files went whole: each thread's kept lines are its newest requests', without a gap
        Map<Integer, Integer> firstKept = new HashMap<>();
        for (LogSet.Line line : lines.lines()) {
            Load.Sent request = sent.get(line.requestId());
            if (request != null && entry(line) > 0) {
                firstKept.merge(request.thread(), request.sequence(), Math::min);
            }
        }
        assertEquals(Load.THREADS, firstKept.size(), "every thread's newest requests are kept: " + firstKept);
        firstKept.forEach((thread, first) -> assertTrue(first > 0,
                "thread " + thread + "'s first request went with the deleted files"));
        // the first kept request may have begun in a deleted file; every later one is whole
        Map<String, Load.Sent> whole = sent.values().stream()
                .filter(request -> request.sequence() > firstKept.get(request.thread()))
                .collect(Collectors.toMap(Load.Sent::id, request -> request));
        assertEveryRequestOnce(lines, whole, files);
        assertNoLineTwice(lines, sent);
        assertNoRotationWarning(log);
        delete(files.subList(0, files.size() - 1));
    }

    @Test
    void aFileMovedAwayIsFollowedWithinAboutASecondAndNoLineIsLostOrSplit() throws IOException {
        Path log = MOVED.log().path();
        Path first = sibling(log, "moved-1");
        Path second = sibling(log, "moved-2");
        Map<String, Load.Sent> sent;
        long reopenedMs;
        long followedMs;
        Object created;
        try (Load load = Load.start(movedUrl, "moved")) {
            load.further(150);
            // logrotate without create: the module creates the file again
            Files.move(log, first, StandardCopyOption.ATOMIC_MOVE);
            reopenedMs = millisUntil(() -> Files.exists(log), "the module creates the moved file again");
            load.further(150);
            // logrotate's create: a new empty file at once, which the module must write to
            Files.move(log, second, StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(log);
            created = key(log);
            followedMs = millisUntil(() -> size(log) > 0, "the module writes to the file logrotate created");
            load.further(150);
            sent = load.stop();
        }
        System.out.println("LogRotationIT moved: " + sent.size() + " requests, a new file after " + reopenedMs
                + " ms, logrotate's file written after " + followedMs + " ms");
        assertTrue(reopenedMs <= REOPEN_LIMIT_MS, "a new file after " + reopenedMs + " ms");
        assertTrue(followedMs <= REOPEN_LIMIT_MS, "logrotate's new file written after " + followedMs + " ms");
        List<Path> files = List.of(first, second, log);
        settle(files, sent.keySet());
        assertEquals(created, key(log), "the module writes to the file logrotate created, not a replacement");
        LogSet lines = LogSet.read(files);
        assertEveryRequestOnce(lines, sent, files);
        assertNoLineTwice(lines, sent);
        assertInEachThreadsOrder(lines, sent);
        for (Path file : files) {
            assertTrue(lines.lines().stream().anyMatch(line -> line.file().equals(file)
                    && sent.containsKey(line.requestId())), "requests were written to " + file);
        }
        assertNoRotationWarning(log);
        delete(List.of(first, second));
    }

    @Test
    void aFileTruncatedInPlaceIsWrittenOnFromItsStartWithWholeLines() throws IOException {
        Path log = TRUNCATED.log().path();
        Path copy = sibling(log, "copied");
        Map<String, Load.Sent> before;
        try (Load load = Load.start(truncatedUrl, "before")) {
            load.further(100);
            before = load.stop();
        }
        settle(List.of(log), before.keySet());
        Object opened = key(log);
        Map<String, Load.Sent> during;
        long truncated;
        try (Load load = Load.start(truncatedUrl, "during")) {
            load.further(100);
            // logrotate's copytruncate: lines written between the copy and the truncation are lost, by design
            Files.copy(log, copy);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            truncated = System.nanoTime();
            load.further(150);
            during = load.stop();
        }
        Map<String, Load.Sent> after = during.values().stream().filter(request -> request.startNanos() > truncated)
                .collect(Collectors.toMap(Load.Sent::id, request -> request));
        assertTrue(after.size() >= 100, after.size() + " requests after the truncation");
        settle(List.of(log), after.keySet());
        assertEquals(opened, key(log), "a truncated file is written on, not reopened");
        LogSet copied = LogSet.read(List.of(copy));
        LogSet written = LogSet.read(List.of(log)); // whole lines from its first byte, no hole of NUL bytes
        assertEveryRequestOnce(copied, before, List.of(copy));
        assertEveryRequestOnce(written, after, List.of(log));
        List<LogSet.Line> both = new ArrayList<>(copied.lines());
        both.addAll(written.lines());
        assertNoLineTwice(LogSet.of(both), during); // the requests in the copied window: some lines lost, none twice
        assertNoRotationWarning(log);
        delete(List.of(copy));
    }

    private static WebArchive withoutOldFiles(ForeignApp app) {
        Path log = app.log().path();
        List<Path> old = new ArrayList<>(LogSet.rotations(log));
        old.addAll(List.of(sibling(log, "moved-1"), sibling(log, "moved-2"), sibling(log, "copied")));
        delete(old);
        return app.war();
    }

    /**
     * Every request's {@code request_completed} line and its {@value Load#ENTRIES} application lines exactly once
     * across the files. A line the writer dropped (its queue full) is reported by the module with a
     * {@code log_records_dropped} line within 10 s: when lines are missing, the failure says whether that came.
     */
    private static void assertEveryRequestOnce(LogSet lines, Map<String, Load.Sent> sent, List<Path> files) {
        Map<String, Integer> completed = new HashMap<>();
        Map<String, List<Integer>> entries = new HashMap<>();
        for (LogSet.Line line : lines.lines()) {
            if (sent.containsKey(line.requestId())) {
                if (event(line.json(), "request_completed")) {
                    completed.merge(line.requestId(), 1, Integer::sum);
                } else if (entry(line) > 0) {
                    entries.computeIfAbsent(line.requestId(), id -> new ArrayList<>()).add(entry(line));
                }
            }
        }
        List<Integer> all = IntStream.rangeClosed(1, Load.ENTRIES).boxed().toList();
        List<String> wrong = new ArrayList<>();
        for (String id : new TreeMap<>(sent).keySet()) {
            int c = completed.getOrDefault(id, 0);
            List<Integer> e = entries.getOrDefault(id, List.of()).stream().sorted().toList();
            if (c != 1 || !e.equals(all)) {
                wrong.add(id.replaceAll("x+$", "") + " request_completed " + c + " times, entries " + e);
            }
        }
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " of " + sent.size() + " requests not exactly once in " + files + " (drop reports: "
                    + dropReports(files) + "): " + wrong.subList(0, Math.min(20, wrong.size())));
        }
        assertEquals(List.of(), lines.events("log_records_dropped"), "the writer dropped no line");
    }

    /** No line of a request in {@code sent} is written twice (the same request id and event). */
    private static void assertNoLineTwice(LogSet lines, Map<String, Load.Sent> sent) {
        Map<String, Integer> counts = new HashMap<>();
        lines.lines().stream().filter(line -> sent.containsKey(line.requestId()))
                .forEach(line -> counts.merge(line.requestId() + " " + line.event(), 1, Integer::sum));
        List<String> twice = counts.entrySet().stream().filter(count -> count.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "lines written more than once");
    }

    /** Each client thread's application lines appear in the order it sent the requests, across the files. */
    private static void assertInEachThreadsOrder(LogSet lines, Map<String, Load.Sent> sent) {
        long[] last = new long[Load.THREADS];
        Arrays.fill(last, -1);
        for (LogSet.Line line : lines.lines()) {
            Load.Sent request = sent.get(line.requestId());
            int entry = entry(line);
            if (request != null && entry > 0) {
                long place = (long) request.sequence() * Load.ENTRIES + entry - 1;
                assertTrue(place > last[request.thread()], "out of order: " + line.json() + " in " + line.file());
                last[request.thread()] = place;
            }
        }
    }

    /** The entry number {@code n} of an application line {@code Item <id> history entry <n>}; 0 for other lines. */
    private static int entry(LogSet.Line line) {
        Matcher matcher = ENTRY.matcher(Objects.toString(line.event(), ""));
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** A rotated file is rotated before a write would take it beyond 1 MiB, and no earlier than it must. */
    private static void assertAboutTheConfiguredSize(Path rotated) {
        long size = size(rotated);
        assertTrue(size <= MIB && size > MIB - LARGEST_WRITE, rotated + " has " + size + " bytes");
    }

    /** Neither TCDI0105W (rotation failed) nor TCDI0106W (reopen failed) for this file in the server's log. */
    private static void assertNoRotationWarning(Path log) {
        try {
            List<String> warnings = ServerLog.lines().stream()
                    .filter(line -> (line.contains("TCDI0105W") || line.contains("TCDI0106W"))
                            && line.contains(log.getFileName().toString()))
                    .toList();
            assertEquals(List.of(), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 11 s for the module's report of dropped lines, and returns what it found. */
    private static List<JsonObject> dropReports(List<Path> files) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(11);
        List<JsonObject> reports = List.of();
        while (reports.isEmpty() && System.nanoTime() - deadline < 0) {
            reports = files.stream().flatMap(file -> new LogFile(file).lines().stream())
                    .filter(line -> event(line, "log_records_dropped")).toList();
            LogFile.sleep();
        }
        return reports;
    }

    /** {@link #settle(List, Set)} for {@code log} and its rotated files; returns them, oldest first. */
    private static List<Path> settle(Path log, Set<String> ids) {
        awaitQuiet(() -> LogSet.rotations(log), ids);
        return LogSet.rotations(log);
    }

    private static void settle(List<Path> files, Set<String> ids) {
        awaitQuiet(() -> files, ids);
    }

    /**
     * Waits (up to 15 s) until the {@code request_completed} lines of {@code ids} are written, and then until the
     * files stop changing for half a second: the writer is asynchronous and may rotate while it finishes.
     */
    private static void awaitQuiet(java.util.function.Supplier<List<Path>> files, Set<String> ids) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!completedIds(files.get()).containsAll(ids) && System.nanoTime() - deadline < 0) {
            LogFile.sleep();
        }
        Map<Path, Long> state = Map.of();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(500)
                && System.nanoTime() - deadline < 0) {
            Map<Path, Long> now = files.get().stream().collect(Collectors.toMap(file -> file, LogRotationIT::size));
            if (!now.equals(state)) {
                state = now;
                quietSince = System.nanoTime();
            }
            LogFile.sleep();
        }
    }

    private static Set<String> completedIds(List<Path> files) {
        try {
            return files.stream().flatMap(file -> new LogFile(file).lines().stream())
                    .filter(line -> event(line, "request_completed"))
                    .map(line -> LogFile.text(line, "request.id")).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
        } catch (UncheckedIOException e) {
            return Set.of(); // a file was rotated while it was read: read again
        }
    }

    private static Set<String> lastOfEachThread(Map<String, Load.Sent> sent) {
        Map<Integer, Load.Sent> last = new HashMap<>();
        sent.values().forEach(request -> last.merge(request.thread(), request,
                (a, b) -> a.sequence() > b.sequence() ? a : b));
        return last.values().stream().map(Load.Sent::id).collect(Collectors.toSet());
    }

    /** How long until {@code condition} holds, polled every 5 ms; fails after 10 s. */
    private static long millisUntil(java.util.function.BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(10)) {
                fail("not within 10 s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Counts how often the file at {@code log} was replaced by a new one (polled while the load runs). */
    private static final class Rotations {
        private final Path log;
        private Object last;
        private int count;

        Rotations(Path log) {
            this.log = log;
        }

        int count() {
            Object now = keyOrNull(log);
            if (now != null && !now.equals(last)) {
                if (last != null) {
                    count++;
                }
                last = now;
            }
            return count;
        }
    }

    private static Map<String, Long> sizes(List<Path> files) {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        files.forEach(file -> sizes.put(file.getFileName().toString(), size(file)));
        return sizes;
    }

    private static Path rotated(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }

    private static Path sibling(Path log, String suffix) {
        return log.resolveSibling(log.getFileName() + "." + suffix);
    }

    private static Object key(Path file) {
        return Objects.requireNonNull(keyOrNull(file), file + " has no file key");
    }

    private static Object keyOrNull(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
