package dev.telemetrycdi.internal.logging;

import static dev.telemetrycdi.internal.logging.Events.MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rotation and reopening on real files: every line is counted across all files and parsed as JSON. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RotatingFileTest {
    private static final String PADDING = "x".repeat(100);

    @TempDir
    Path dir;

    @Test
    void rotationUnderConcurrentLoadKeepsEveryLineOnceAndWhole() throws Exception {
        Path file = dir.resolve("app.log");
        long maxBytes = 200_000;
        int threads = 4;
        int perThread = 5_000;
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(),
                LogTargets.file(file, maxBytes, 1000), 1 << 16, 10_000, "test-writer", true);
        sink.start();
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            loggers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    sink.publish(event(thread, i));
                }
            }));
        }
        loggers.forEach(Thread::start);
        for (Thread logger : loggers) {
            logger.join();
        }
        assertTrue(sink.stop(10_000));
        assertEquals(0, sink.dropped());

        List<Path> files = filesOldestFirst(file);
        assertTrue(files.size() > 10, "rotated " + (files.size() - 1) + " times");
        Set<String> seen = new HashSet<>();
        int[] last = new int[threads];
        java.util.Arrays.fill(last, -1);
        for (Path each : files) {
            assertTrue(Files.size(each) <= maxBytes + 1024, each + " has " + Files.size(each) + " bytes");
            for (JsonObject line : JsonLines.parseAll(Files.readString(each, StandardCharsets.UTF_8))) {
                int thread = line.getInt("t");
                int i = line.getInt("i");
                assertTrue(seen.add(thread + "/" + i), "twice: " + thread + "/" + i);
                assertTrue(i > last[thread], "out of order across files: " + thread + "/" + i + " in " + each);
                last[thread] = i;
            }
        }
        assertEquals(threads * perThread, seen.size());
    }

    @Test
    void keepsAtMostMaxFilesRotatedFilesWithTheNewestLines() throws IOException {
        Path file = dir.resolve("app.log");
        int total = 2_000;
        try (RotatingFile out = new RotatingFile(file, 4_096, 3)) {
            for (int i = 0; i < total; i++) {
                out.write(Events.json(event(0, i)).getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(Files.exists(out.rotated(3)));
            assertFalse(Files.exists(out.rotated(4)));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(4, listing.count(), "app.log and app.log.1 to .3");
        }
        List<Integer> kept = new ArrayList<>();
        for (Path each : filesOldestFirst(file)) {
            assertTrue(Files.size(each) <= 4_096, each + " has " + Files.size(each) + " bytes");
            JsonLines.parseAll(Files.readString(each)).forEach(line -> kept.add(line.getInt("i")));
        }
        for (int n = 0; n < kept.size(); n++) {
            assertEquals(total - kept.size() + n, kept.get(n), "the newest lines, in order, none missing");
        }
    }

    @Test
    void neverRotatesInsideALine() throws IOException {
        Path file = dir.resolve("app.log");
        try (RotatingFile out = new RotatingFile(file, 10, 2)) {
            out.write(bytes("0123456789"));
            out.write(bytes("abcdef\n")); // beyond the limit, but the line is not finished
            out.write(bytes("next\n"));
            assertEquals("0123456789abcdef\n", Files.readString(out.rotated(1)));
        }
        assertEquals("next\n", Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aMovedFileIsReopenedWithinAboutASecond(boolean recreated) throws Exception {
        Path file = dir.resolve("app.log");
        Path moved = dir.resolve("app.log.moved");
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), LogTargets.file(file), 1024,
                10_000, "test-writer", true);
        sink.start();
        int i = 0;
        for (; i < 100; i++) {
            sink.publish(event(0, i));
        }
        waitFor(() -> lineCount(file) == 100);
        Files.move(file, moved); // logrotate's default: rename, then (create) a new empty file
        if (recreated) {
            Files.createFile(file);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < deadline) {
            sink.publish(event(0, i++));
            Thread.sleep(5);
        }
        assertTrue(sink.stop(5_000));
        assertEquals(0, sink.dropped());

        List<Integer> before = indexes(moved);
        List<Integer> after = indexes(file);
        assertFalse(after.isEmpty(), "later lines go to the new file at the original path");
        assertTrue(before.size() >= 100, "the moved file has the lines written before the move");
        assertEquals(before.get(before.size() - 1) + 1, after.get(0), "no line lost or repeated at the switch");
        assertEquals(i, before.size() + after.size());
    }

    @Test
    void aTruncatedFileIsWrittenOnAtItsNewEndAndItsSizeTakenAgain() throws IOException {
        Path file = dir.resolve("app.log");
        try (RotatingFile out = new RotatingFile(file, 4_096, 2, 0)) {
            int i = 0;
            while (Files.size(file) < 3_000) {
                out.write(bytes(Events.json(event(0, i++))));
            }
            try (OutputStream truncate = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                truncate.flush(); // logrotate's copytruncate
            }
            int first = i;
            while (i < first + 15) {
                out.write(bytes(Events.json(event(0, i++))));
            }
            assertFalse(Files.exists(out.rotated(1)), "the truncated file's size is taken again, no early rotation");
            String content = Files.readString(file);
            assertFalse(content.contains("\0"), "no hole before the lines written after the truncation");
            assertEquals(first, JsonLines.parseAll(content).get(0).getInt("i"));
            assertEquals(15, JsonLines.parseAll(content).size());
        }
    }

    @Test
    void aFailedRotationIsSaidOnceAndTheFileIsWrittenOn() throws IOException {
        Path file = dir.resolve("app.log");
        Files.createDirectories(dir.resolve("app.log.1/occupied"));
        try (JulCapture jul = new JulCapture(); RotatingFile out = new RotatingFile(file, 100, 1)) {
            for (int i = 0; i < 20; i++) {
                out.write(bytes(Events.json(event(0, i))));
            }
            assertEquals(1, jul.messages("TCDI0105W").size());
            assertEquals(20, JsonLines.parseAll(Files.readString(file)).size(), "nothing lost");
        }
    }

    @Test
    void aFailedReopenWritesOnToTheMovedFileAndTriesAgain() throws IOException {
        Path file = dir.resolve("app.log");
        Path moved = dir.resolve("app.log.moved");
        try (JulCapture jul = new JulCapture(); RotatingFile out = new RotatingFile(file, 0, 1, 0)) {
            out.write(bytes(Events.json(event(0, 0))));
            Files.move(file, moved);
            Files.createDirectory(file); // the path cannot be opened as a file
            out.write(bytes(Events.json(event(0, 1))));
            out.write(bytes(Events.json(event(0, 2))));
            assertEquals(1, jul.messages("TCDI0106W").size(), "said once per outage");
            Files.delete(file);
            out.write(bytes(Events.json(event(0, 3))));
        }
        assertEquals(List.of(0, 1, 2), indexes(moved));
        assertEquals(List.of(3), indexes(file));
    }

    @Test
    void aDeviceIsWrittenAsItIsAndAFullOneNeverThrowsIntoTheCaller() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        try (JulCapture jul = new JulCapture()) {
            AsyncLogSink sink;
            try {
                sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), LogTargets.file(full, 1, 1), 64,
                        10_000, "test-writer", true);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            sink.start();
            for (int i = 0; i < 500; i++) {
                sink.publish(event(0, i));
            }
            sink.writeDirect(event(0, -1));
            assertTrue(sink.stop(5_000));

            assertTrue(sink.dropped() >= 501, "dropped " + sink.dropped());
            assertEquals(1, jul.messages("TCDI0102W").size());
            assertTrue(jul.messages("TCDI0105W").isEmpty(), "a device is never rotated");
            assertTrue(Files.exists(full));
        }
    }

    private static LogEvent event(int thread, int i) {
        return new LogEvent(MILLIS, LogLevel.INFO, "l", "e", Fields.EMPTY,
                Fields.of("t", thread, "i", i, "pad", PADDING), null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code file.N} … {@code file.1}, then {@code file}: the order the lines were written in. */
    private static List<Path> filesOldestFirst(Path file) {
        List<Path> files = new ArrayList<>();
        for (int n = 1; Files.exists(file.resolveSibling(file.getFileName() + "." + n)); n++) {
            files.add(0, file.resolveSibling(file.getFileName() + "." + n));
        }
        files.add(file);
        return files;
    }

    private static List<Integer> indexes(Path file) throws IOException {
        return JsonLines.parseAll(Files.readString(file)).stream().map(line -> line.getInt("i")).toList();
    }

    private static long lineCount(Path file) {
        try {
            return Files.readString(file).chars().filter(c -> c == '\n').count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 10 s");
            Thread.sleep(10);
        }
    }
}
