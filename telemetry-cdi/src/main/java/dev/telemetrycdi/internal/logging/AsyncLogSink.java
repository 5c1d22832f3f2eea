package dev.telemetrycdi.internal.logging;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded, asynchronous hand-off between logging threads and the output: {@link #publish} never blocks, and
 * one daemon writer thread formats and writes the lines in batches.
 *
 * <p>A logging thread does not wake the writer for every line (waking a parked thread costs the logging thread a
 * system call, several microseconds): the writer looks at the queue at least every {@value #LINGER_MILLIS} ms, and
 * is woken early only when {@value #WAKE_AT} lines are waiting. So a line reaches the output within a few
 * milliseconds.
 *
 * <pre>{@code
 * AsyncLogSink sink = new AsyncLogSink(LogLevel.INFO, new JsonLineFormat(), LogTargets.stdout(), 8192,
 *         10_000, "telemetry-cdi-writer", false);
 * sink.start();
 * sink.publish(event);
 * sink.stop(2_000); // drains what is queued
 * }</pre>
 *
 * <p>When the queue is full a line is dropped and counted. Every report interval in which lines were dropped,
 * the writer writes one {@code log_records_dropped} line (level {@code warning}, whatever the threshold) with
 * {@code dropped} (since the last report) and {@code dropped_total}, and logs a {@code java.util.logging}
 * warning ({@code TCDI0101W}, or {@code TCDI0103W} for lines that could not be formatted or written). A write
 * failure is never thrown: its lines count as dropped and it is reported once ({@code TCDI0102W}).
 *
 * <p>The target is closed at stop only if the sink owns it; standard output is never owned. A {@link LineCopy}, if
 * given, receives every line the writer writes (drop reports included), on the writer thread.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class AsyncLogSink implements LogPipeline, AutoCloseable {
    /** How long {@link #close()} waits for the queue to drain. */
    public static final long DEFAULT_STOP_TIMEOUT_MILLIS = 5_000;
    static final String LOGGER = "telemetry-cdi";
    static final String DROPPED = "dropped";
    static final String DROPPED_TOTAL = "dropped_total";
    private static final int BATCH = 512;
    static final long LINGER_MILLIS = 5;
    static final int WAKE_AT = 256;

    private final LogLevel threshold;
    private final int capacity;
    private final long reportIntervalNanos;
    private final String threadName;
    private final boolean ownsTarget;
    private final BlockingQueue<LogEvent> queue;
    private final LongAdder queueDrops = new LongAdder();
    /** Lines queued since the writer last emptied the queue: the writer is woken when it reaches WAKE_AT. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object lifecycle = new Object();
    private final Object output = new Object();
    private final LineWriter writer; // guarded by output
    private final LineCopy copy; // called under output
    private long reportedQueueDrops; // guarded by output
    private long reportedLost; // guarded by output
    private boolean finished; // guarded by output
    private volatile boolean accepting = true;
    private volatile boolean stopping;
    private volatile Thread thread; // written under lifecycle

    /** A sink that does not own {@code target}: stopping it leaves the stream open. */
    public AsyncLogSink(LogLevel threshold, LineFormat format, OutputStream target, int capacity,
                        long reportIntervalMillis, String threadName) {
        this(threshold, format, target, capacity, reportIntervalMillis, threadName, false);
    }

    /**
     * @param ownsTarget whether stopping the sink closes {@code target} (a file: yes; standard output: no)
     * @throws IllegalArgumentException if {@code capacity} or {@code reportIntervalMillis} is not positive
     */
    public AsyncLogSink(LogLevel threshold, LineFormat format, OutputStream target, int capacity,
                        long reportIntervalMillis, String threadName, boolean ownsTarget) {
        this(threshold, format, target, capacity, reportIntervalMillis, threadName, ownsTarget, LineCopy.NONE);
    }

    /**
     * @param ownsTarget whether stopping the sink closes {@code target} (a file: yes; standard output: no)
     * @param copy       a second output of every line written, called on the writer thread
     * @throws IllegalArgumentException if {@code capacity} or {@code reportIntervalMillis} is not positive
     */
    public AsyncLogSink(LogLevel threshold, LineFormat format, OutputStream target, int capacity,
                        long reportIntervalMillis, String threadName, boolean ownsTarget, LineCopy copy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (reportIntervalMillis < 1) {
            throw new IllegalArgumentException("reportIntervalMillis must be positive: " + reportIntervalMillis);
        }
        this.threshold = threshold == null ? LogLevel.INFO : threshold;
        this.capacity = capacity;
        this.reportIntervalNanos = TimeUnit.MILLISECONDS.toNanos(reportIntervalMillis);
        this.threadName = threadName;
        this.ownsTarget = ownsTarget;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new LineWriter(format, target);
        this.copy = copy == null ? LineCopy.NONE : copy;
    }

    @Override
    public boolean isEnabled(LogLevel level) {
        return level != null && level.isAtLeast(threshold);
    }

    @Override
    public void publish(LogEvent event) {
        try {
            if (event == null) {
                return;
            }
            if (!accepting || !queue.offer(event)) {
                queueDrops.increment();
            } else if (waiting.incrementAndGet() == Math.min(WAKE_AT, capacity / 2 + 1)) {
                wakeWriter();
            }
        } catch (RuntimeException e) {
            queueDrops.increment();
        }
    }

    /**
     * Formats and writes {@code event} at once on the calling thread, whatever the threshold and even before
     * {@link #start()}: for the rare line that must not wait. Blocks while the writer thread writes; never throws.
     */
    public void writeDirect(LogEvent event) {
        if (event == null) {
            return;
        }
        synchronized (output) {
            append(event);
            writer.writePending();
            writer.flush();
        }
    }

    /** Starts the writer thread; does nothing if it was started or the sink was stopped. */
    public void start() {
        synchronized (lifecycle) {
            if (thread != null || stopping) {
                return;
            }
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Stops accepting lines, lets the writer drain the queue and write the last drop report, then closes the
     * target if the sink owns it. If the sink was never started, this happens on the calling thread.
     *
     * @return whether all of it finished within {@code timeoutMillis}; if not, the writer goes on in the background
     */
    public boolean stop(long timeoutMillis) {
        Thread writerThread;
        synchronized (lifecycle) {
            accepting = false;
            stopping = true;
            writerThread = thread;
        }
        if (writerThread == null) {
            finish();
            return true;
        }
        wakeWriter();
        if (writerThread == Thread.currentThread()) {
            return false;
        }
        try {
            writerThread.join(Math.max(1L, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !writerThread.isAlive();
    }

    /** {@link #stop} with {@link #DEFAULT_STOP_TIMEOUT_MILLIS}. */
    @Override
    public void close() {
        stop(DEFAULT_STOP_TIMEOUT_MILLIS);
    }

    /** Lines waiting in the queue now. */
    public int queued() {
        return queue.size();
    }

    /** The queue's capacity. */
    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    /** Lines dropped so far: queue full, published after stop, or not formatted or written. */
    public long dropped() {
        return queueDrops.sum() + writer.lost();
    }

    private void wakeWriter() {
        Thread writerThread = thread;
        if (writerThread != null) {
            LockSupport.unpark(writerThread);
        }
    }

    private void run() {
        List<LogEvent> batch = new ArrayList<>(BATCH);
        long linger = TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        long nextReport = System.nanoTime() + reportIntervalNanos;
        try {
            while (!stopping || !queue.isEmpty()) {
                waiting.set(0);
                if (queue.drainTo(batch, BATCH) > 0) {
                    write(batch);
                    batch.clear();
                } else if (!stopping) {
                    LockSupport.parkNanos(this, Math.max(1L, Math.min(linger, nextReport - System.nanoTime())));
                }
                if (Thread.interrupted()) {
                    // someone stops this thread: treat it as stop(), finish() below drains the queue
                    accepting = false;
                    stopping = true;
                }
                if (System.nanoTime() - nextReport >= 0) {
                    reportDrops();
                    nextReport = System.nanoTime() + reportIntervalNanos;
                }
            }
        } finally {
            finish();
        }
    }

    private void write(List<LogEvent> batch) {
        synchronized (output) {
            for (LogEvent event : batch) {
                append(event);
            }
            writer.writePending();
            if (queue.isEmpty()) {
                writer.flush();
            }
        }
    }

    /** Formats one line into the writer, then hands it to the copy; a copy that throws loses nothing else. */
    private void append(LogEvent event) {
        writer.append(event);
        try {
            copy.copy(event);
        } catch (RuntimeException | LinkageError e) {
            // a LineCopy must not throw; if one does, only its copy of this line is lost
        }
    }

    /** Drains the queue, writes the last drop report and closes an owned target; runs once. */
    private void finish() {
        synchronized (output) {
            if (finished) {
                return;
            }
            finished = true;
        }
        List<LogEvent> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
        reportDrops();
        synchronized (output) {
            writer.flush();
            if (ownsTarget) {
                writer.close();
            }
        }
    }

    private void reportDrops() {
        long queueDropsNow = queueDrops.sum();
        long newQueueDrops;
        long newLost;
        synchronized (output) {
            newQueueDrops = queueDropsNow - reportedQueueDrops;
            newLost = writer.lost() - reportedLost;
            if (newQueueDrops + newLost <= 0) {
                return;
            }
            long total = queueDropsNow + writer.lost();
            append(new LogEvent(System.currentTimeMillis(), LogLevel.WARNING, LOGGER,
                    FieldNames.EVENT_LOG_RECORDS_DROPPED, Fields.EMPTY,
                    Fields.of(DROPPED, newQueueDrops + newLost, DROPPED_TOTAL, total), null));
            writer.writePending();
            writer.flush();
            reportedQueueDrops = queueDropsNow;
            reportedLost = writer.lost(); // a report that could not be written is not reported again
        }
        if (newQueueDrops > 0) {
            LoggingDiagnostics.queueFull(newQueueDrops, capacity);
        }
        if (newLost > 0) {
            LoggingDiagnostics.linesLost(newLost);
        }
    }
}
