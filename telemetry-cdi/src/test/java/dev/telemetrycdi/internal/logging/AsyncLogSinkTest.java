package dev.telemetrycdi.internal.logging;

import static dev.telemetrycdi.internal.logging.Events.MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncLogSinkTest {
    private static final long REPORT_MS = 50;

    @Test
    void writesLinesInOrderAndDrainsOnClose() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        AsyncLogSink sink = sink(target, 10_000);
        sink.start();
        for (int i = 0; i < 5_000; i++) {
            sink.publish(event(i));
        }
        sink.close();

        List<JsonObject> lines = JsonLines.parseAll(utf8(target));
        assertEquals(5_000, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, lines.get(i).getInt("i"));
        }
        assertEquals(0, sink.dropped());
    }

    @Test
    void aCopyGetsEveryLineOnTheWriterThreadAndAThrowingCopyLosesNoLine() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        List<String> copied = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        LineCopy copy = event -> {
            copied.add(event.event());
            threads.add(Thread.currentThread().getName());
            if (copied.size() % 2 == 0) {
                throw new IllegalStateException("a broken copy");
            }
        };
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), target, 64, REPORT_MS, "writer",
                false, copy);
        sink.start();
        for (int i = 0; i < 10; i++) {
            sink.publish(event(i));
        }
        sink.close();

        assertEquals(10, JsonLines.parseAll(utf8(target)).size(), "every line written, whatever the copy did");
        assertEquals(List.of("e", "e", "e", "e", "e", "e", "e", "e", "e", "e"), copied);
        assertTrue(threads.stream().allMatch("writer"::equals), threads.toString());
        assertEquals(0, sink.dropped());
    }

    @Test
    void writesNonAsciiAsUtf8() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        AsyncLogSink sink = sink(target, 16);
        sink.start();
        sink.publish(new LogEvent(MILLIS, LogLevel.INFO, null, "Zürich ✓ 🎲", null, null, null));
        sink.close();

        assertEquals("Zürich ✓ 🎲", JsonLines.parse(utf8(target)).getString("event"));
    }

    @Test
    void comparesLevelsWithTheThreshold() {
        AsyncLogSink sink = new AsyncLogSink(LogLevel.WARNING, new JsonLineFormat(), new ByteArrayOutputStream(), 1,
                REPORT_MS, "t");

        assertFalse(sink.isEnabled(LogLevel.INFO));
        assertTrue(sink.isEnabled(LogLevel.WARNING));
        assertTrue(sink.isEnabled(LogLevel.CRITICAL));
        assertFalse(sink.isEnabled(null));
    }

    @Test
    void neverBlocksOnABlockedTargetAndReportsTheDrops() throws Exception {
        BlockingStream target = new BlockingStream();
        try (JulCapture jul = new JulCapture()) {
            AsyncLogSink sink = sink(target, 4);
            sink.start();
            sink.publish(event(-1));
            assertTrue(target.entered.await(5, TimeUnit.SECONDS), "the writer is blocked in write");

            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                sink.publish(event(i));
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMillis < 2_000, "publish took " + elapsedMillis + " ms");
            assertEquals(996, sink.dropped(), "all but the 4 queued lines are dropped");

            target.release.countDown();
            waitFor(() -> utf8(target.written).contains(FieldNames.EVENT_LOG_RECORDS_DROPPED));
            sink.close();

            List<JsonObject> lines = JsonLines.parseAll(utf8(target.written));
            List<JsonObject> reports = lines.stream()
                    .filter(l -> l.getString("event").equals(FieldNames.EVENT_LOG_RECORDS_DROPPED))
                    .collect(Collectors.toList());
            assertEquals(1, reports.size());
            JsonObject report = reports.get(0);
            assertEquals("warning", report.getString("level"));
            assertEquals("telemetry-cdi", report.getString("logger"));
            assertEquals(996, report.getInt("dropped"));
            assertEquals(996, report.getInt("dropped_total"));
            assertEquals(5, lines.size() - reports.size(), "the first line and the 4 queued ones are written");
            List<String> warnings = jul.messages("TCDI0101W");
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("dropped 996 log records because its queue (capacity 4) was full"),
                    warnings.get(0));
        }
    }

    @Test
    void reportsDropsSinceTheLastReportAndTheTotal() throws Exception {
        try (JulCapture jul = new JulCapture()) {
            reportsDropsSinceTheLastReportAndTheTotal(jul);
        }
    }

    private void reportsDropsSinceTheLastReportAndTheTotal(JulCapture jul) throws Exception {
        BlockingStream target = new BlockingStream();
        target.release.countDown();
        AsyncLogSink sink = sink(target, 1);
        sink.stop(1_000); // stopped: every publish is dropped
        for (int i = 0; i < 3; i++) {
            sink.publish(event(i));
        }
        assertEquals(3, sink.dropped());

        BlockingStream second = new BlockingStream();
        AsyncLogSink running = sink(second, 2);
        running.start();
        running.publish(event(0));
        assertTrue(second.entered.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 5; i++) {
            running.publish(event(i));
        }
        second.release.countDown();
        waitFor(() -> utf8(second.written).contains(FieldNames.EVENT_LOG_RECORDS_DROPPED));
        running.publish(event(100));
        running.publish(event(101));
        running.publish(event(102)); // may or may not fit: the queue holds 2
        running.close();

        List<JsonObject> reports = JsonLines.parseAll(utf8(second.written)).stream()
                .filter(l -> l.getString("event").equals(FieldNames.EVENT_LOG_RECORDS_DROPPED))
                .collect(Collectors.toList());
        long sum = reports.stream().mapToLong(r -> r.getJsonNumber("dropped").longValue()).sum();
        assertEquals(running.dropped(), sum);
        assertEquals(reports.size(), jul.messages("TCDI0101W").size(), "one warning per report");
        assertEquals(running.dropped(), reports.get(reports.size() - 1).getJsonNumber("dropped_total").longValue());
    }

    @Test
    void stopWithoutStartDrainsOnTheCallingThread() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        AsyncLogSink sink = sink(target, 8);
        sink.publish(event(1));
        sink.publish(event(2));

        assertTrue(sink.stop(1_000));
        assertEquals(2, JsonLines.parseAll(utf8(target)).size());
        sink.start(); // after stop: no thread
        sink.publish(event(3));
        assertEquals(1, sink.dropped());
    }

    @Test
    void writeDirectWritesAtOnceEvenBeforeStart() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        AsyncLogSink sink = new AsyncLogSink(LogLevel.ERROR, new JsonLineFormat(), target, 8, REPORT_MS, "t");

        sink.writeDirect(new LogEvent(MILLIS, LogLevel.INFO, "l", FieldNames.EVENT_TELEMETRY_DISABLED, null, null,
                null));

        assertEquals(FieldNames.EVENT_TELEMETRY_DISABLED, JsonLines.parse(utf8(target)).getString("event"));
        sink.close();
    }

    @Test
    void aFailingTargetNeverThrowsAndIsReportedOnce() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }
        };
        try (JulCapture jul = new JulCapture()) {
            AsyncLogSink sink = sink(failing, 10_000);
            sink.start();
            for (int i = 0; i < 2_000; i++) {
                sink.publish(event(i));
                if (i % 100 == 0) {
                    Thread.yield();
                }
            }
            sink.writeDirect(event(-1));
            assertTrue(sink.stop(5_000));

            assertTrue(sink.dropped() >= 2_001, "dropped " + sink.dropped());
            assertEquals(1, jul.messages("TCDI0102W").size(), "one report of the write failure, not one per line");
            assertFalse(jul.messages("TCDI0103W").isEmpty());
        }
    }

    @Test
    void aThrowingFormatLosesOnlyItsLine() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        LineFormat json = new JsonLineFormat();
        LineFormat flaky = (event, out) -> {
            if (event.event().equals("bad")) {
                out.append("partial");
                throw new IllegalStateException("broken format");
            }
            json.format(event, out);
        };
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, flaky, target, 16, REPORT_MS, "t");
        try (JulCapture jul = new JulCapture()) {
            sink.start();
            sink.publish(event(1));
            sink.publish(new LogEvent(MILLIS, LogLevel.INFO, null, "bad", null, null, null));
            sink.publish(event(2));
            sink.close();
            assertEquals(1, jul.messages("TCDI0103W").size());
        }

        List<JsonObject> lines = JsonLines.parseAll(utf8(target));
        assertEquals(List.of(1, 2), lines.stream().filter(l -> l.getString("event").equals("e"))
                .map(l -> l.getInt("i")).collect(Collectors.toList()));
        assertEquals(List.of(1), lines.stream()
                .filter(l -> l.getString("event").equals(FieldNames.EVENT_LOG_RECORDS_DROPPED))
                .map(l -> l.getInt("dropped")).collect(Collectors.toList()));
        assertEquals(3, lines.size());
        assertEquals(1, sink.dropped());
    }

    @Test
    void closesTheTargetOnlyWhenItOwnsIt() {
        ClosingStream owned = new ClosingStream();
        AsyncLogSink ownsIt = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), owned, 4, REPORT_MS, "t", true);
        ownsIt.start();
        ownsIt.close();
        assertTrue(owned.closed.get());

        ClosingStream shared = new ClosingStream();
        AsyncLogSink borrowsIt = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), shared, 4, REPORT_MS, "t");
        borrowsIt.start();
        borrowsIt.close();
        assertFalse(shared.closed.get());
    }

    @Test
    void stopGivesUpAfterItsTimeoutOnABlockedTarget() throws Exception {
        BlockingStream target = new BlockingStream();
        AsyncLogSink sink = sink(target, 4);
        sink.start();
        sink.publish(event(1));
        assertTrue(target.entered.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        assertFalse(sink.stop(100));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
        target.release.countDown();
        waitFor(() -> utf8(target.written).contains("\"i\":1"));
    }

    @Test
    void runsOneNamedDaemonThread() throws Exception {
        BlockingStream target = new BlockingStream();
        AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), target, 4, REPORT_MS,
                "telemetry-cdi-test-writer");
        sink.start();
        sink.start();
        sink.publish(event(1));
        assertTrue(target.entered.await(5, TimeUnit.SECONDS));

        assertEquals("telemetry-cdi-test-writer", target.writerThread.getName());
        assertTrue(target.writerThread.isDaemon());
        target.release.countDown();
        assertTrue(sink.stop(5_000));
        assertFalse(target.writerThread.isAlive());
    }

    private static AsyncLogSink sink(OutputStream target, int capacity) {
        return new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), target, capacity, REPORT_MS, "test-writer");
    }

    private static LogEvent event(int i) {
        return new LogEvent(MILLIS, LogLevel.INFO, "l", "e", Fields.EMPTY, Fields.of("i", i), null);
    }

    private static String utf8(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 10 s");
            Thread.sleep(10);
        }
    }

    /** A target whose writes wait until {@link #release} opens. */
    private static final class BlockingStream extends OutputStream {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile Thread writerThread;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writerThread = Thread.currentThread();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            written.write(b, off, len);
        }
    }

    private static final class ClosingStream extends ByteArrayOutputStream {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
