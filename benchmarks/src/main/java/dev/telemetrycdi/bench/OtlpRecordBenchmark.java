package dev.telemetrycdi.bench;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;
import dev.telemetrycdi.internal.logging.LineCopy;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.tracing.OtlpLogRecords;
import io.opentelemetry.api.incubator.logs.ExtendedLogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The writer thread's added cost per line with the OTLP logs export on ({@code telemetry.log.otlp}), off the request
 * thread: the {@code request_completed} line of {@link FormatBenchmark}, written inside a span (with its
 * {@code trace_id}, {@code span_id} and {@code trace_flags}), through {@link OtlpLogRecords} into an OpenTelemetry
 * SDK {@code LoggerProvider}:
 *
 * <ul>
 *   <li>{@link #emitRecord}: mapping the line to a log record and emitting it, and the SDK's copy of the record for
 *       its exporter ({@code toLogRecordData()}, what the batch processor's export does); the batch processor's
 *       queue is not included;</li>
 *   <li>{@link #emitSdkOnly}: the floor under {@link #emitRecord}: the same record (the same attributes, span and
 *       event name, all made in advance) emitted straight through the SDK's API and copied for the exporter, without
 *       the module's mapping;</li>
 *   <li>{@link #encodeRecord}: the OTLP/protobuf encoding of such records in a batch of {@value #BATCH} (the batch
 *       processor's default export size), per record, into a stream that drops the bytes; the HTTP post is not
 *       included.</li>
 * </ul>
 *
 * <p>The SDK here is the version both servers ship (1.48); the servers' own processors and exporters differ in their
 * queueing and transport, which the load harness's configurations 7 and W7 measure.
 */
public class OtlpRecordBenchmark extends BenchmarkDefaults {
    static final int BATCH = 512;

    private final Keep keep = new Keep();
    private SdkLoggerProvider provider;
    private LineCopy records;
    private LogEvent event;
    private Logger sdkLogger;
    private LogRecordData made;
    private List<LogRecordData> batch;
    private final DiscardingOutputStream out = new DiscardingOutputStream();

    @Setup
    public void start() {
        event = tracedLine();
        provider = SdkLoggerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.builder().put("service.name", "bench").build()))
                .addLogRecordProcessor(keep)
                .build();
        records = OtlpLogRecords.of(provider, OtlpRecordBenchmark.class.getClassLoader());
        records.copy(event);
        if (keep.last == null) {
            throw new IllegalStateException("no log record was emitted for " + event.event());
        }
        System.out.printf("%nlog record: %s", keep.last);
        batch = Collections.nCopies(BATCH, keep.last);
        made = keep.last;
        sdkLogger = provider.get(made.getInstrumentationScopeInfo().getName());
    }

    @TearDown
    public void stop() {
        provider.close();
    }

    @Benchmark
    public LogRecordData emitRecord() {
        records.copy(event);
        return keep.last;
    }

    @Benchmark
    public LogRecordData emitSdkOnly() {
        ExtendedLogRecordBuilder record = (ExtendedLogRecordBuilder) sdkLogger.logRecordBuilder();
        record.setTimestamp(made.getTimestampEpochNanos(), TimeUnit.NANOSECONDS)
                .setSeverity(made.getSeverity())
                .setSeverityText(made.getSeverityText())
                .setBody(made.getBodyValue().asString())
                .setContext(Context.root().with(Span.wrap(made.getSpanContext())))
                .setAllAttributes(made.getAttributes());
        record.setEventName(event.event());
        record.emit();
        return keep.last;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long encodeRecord() throws IOException {
        LogsRequestMarshaler.create(batch).writeBinaryTo(out);
        return out.bytes();
    }

    /** The sample request's {@code request_completed} line, as written inside a sampled span. */
    private static LogEvent tracedLine() {
        LogEvent line = SampleRequest.completedLine();
        Fields span = Fields.of(FieldNames.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736",
                FieldNames.SPAN_ID, "00f067aa0ba902b7", FieldNames.TRACE_FLAGS, "01");
        return new LogEvent(line.epochMillis(), line.level(), line.logger(), line.event(),
                line.context().withAll(span), line.fields(), line.thrown());
    }

    /** Keeps the exporter's copy of the last record emitted. */
    private static final class Keep implements LogRecordProcessor {
        LogRecordData last;

        @Override
        public void onEmit(Context context, ReadWriteLogRecord record) {
            last = record.toLogRecordData();
        }
    }
}
