package dev.telemetrycdi.internal.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link LoggerProvider} of the OpenTelemetry API that keeps every emitted record, for tests. */
final class RecordingLogs implements LoggerProvider {
    final List<Recorded> emitted = new CopyOnWriteArrayList<>();
    final List<String> scopesBuilt = new CopyOnWriteArrayList<>();

    /** One emitted record: what the module set on it. */
    static final class Recorded {
        String scope;
        long epochNanos;
        Severity severity;
        String severityText;
        String body;
        Context context;
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final Map<String, AttributeKey<?>> keys = new LinkedHashMap<>();

        @Override
        public String toString() {
            return scope + " " + severity + " " + body + " " + attributes;
        }
    }

    @Override
    public LoggerBuilder loggerBuilder(String scope) {
        return new LoggerBuilder() {
            @Override
            public LoggerBuilder setSchemaUrl(String schemaUrl) {
                return this;
            }

            @Override
            public LoggerBuilder setInstrumentationVersion(String version) {
                return this;
            }

            @Override
            public Logger build() {
                scopesBuilt.add(scope);
                return () -> new Builder(scope);
            }
        };
    }

    /** The records emitted so far. */
    List<Recorded> emitted() {
        return List.copyOf(emitted);
    }

    class Builder implements LogRecordBuilder {
        final Recorded record = new Recorded();

        Builder(String scope) {
            record.scope = scope;
        }

        @Override
        public LogRecordBuilder setTimestamp(long timestamp, TimeUnit unit) {
            record.epochNanos = unit.toNanos(timestamp);
            return this;
        }

        @Override
        public LogRecordBuilder setTimestamp(Instant instant) {
            record.epochNanos = TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
            return this;
        }

        @Override
        public LogRecordBuilder setObservedTimestamp(long timestamp, TimeUnit unit) {
            return this;
        }

        @Override
        public LogRecordBuilder setObservedTimestamp(Instant instant) {
            return this;
        }

        @Override
        public LogRecordBuilder setContext(Context context) {
            record.context = context;
            return this;
        }

        @Override
        public LogRecordBuilder setSeverity(Severity severity) {
            record.severity = severity;
            return this;
        }

        @Override
        public LogRecordBuilder setSeverityText(String severityText) {
            record.severityText = severityText;
            return this;
        }

        @Override
        public LogRecordBuilder setBody(String body) {
            record.body = body;
            return this;
        }

        @Override
        public <T> LogRecordBuilder setAttribute(AttributeKey<T> key, T value) {
            record.attributes.put(key.getKey(), value);
            record.keys.put(key.getKey(), key);
            return this;
        }

        @Override
        public void emit() {
            emitted.add(record);
        }
    }
}
