package dev.telemetrycdi.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class TelemetryFormattersTest {

    @Test
    void jsonFormatterWritesTheRecordWithItsMdcAsContext() {
        ExtLogRecord record = record();

        String line = new TelemetryJsonFormatter().format(record);

        assertEquals(List.of("timestamp", "level", "event", "logger", "request.id", "user.id", "exception.type",
                "exception.message", "exception.stacktrace"), JsonLines.keys(line.trim()));
        JsonObject json = JsonLines.parse(line);
        assertEquals("2026-01-20T14:32:15.123Z", json.getString("timestamp"));
        assertEquals("error", json.getString("level"));
        assertEquals("payout 5\nfailed", json.getString("event"));
        assertEquals("com.acme.Payouts", json.getString("logger"));
        assertEquals("abc-123", json.getString("request.id"));
        assertEquals("42", json.getString("user.id"));
        assertEquals("java.lang.IllegalStateException", json.getString("exception.type"));
    }

    @Test
    void jsonFormatterAcceptsAPlainJulRecord() {
        LogRecord record = new LogRecord(Level.INFO, "plain {0}");
        record.setParameters(new Object[] {"record"});

        String line = new TelemetryJsonFormatter().format(record);

        assertEquals("plain record", JsonLines.parse(line).getString("event"));
    }

    @Test
    void prettyFormatterColoursOnlyWhenConfigured() {
        TelemetryPrettyFormatter formatter = new TelemetryPrettyFormatter();
        String plain = formatter.format(record());
        formatter.setColors(true);
        String coloured = formatter.format(record());

        assertFalse(formatter.format(record()).isEmpty());
        assertFalse(plain.contains("\u001b"));
        assertTrue(coloured.contains("\u001b["));
        assertTrue(plain.startsWith("2026-01-20 14:32:15 [error   ] payout 5\\nfailed"), plain);
        assertTrue(plain.contains(" request.id=abc-123 user.id=42 exception.type=java.lang.IllegalStateException"),
                plain);
        assertEquals(1, plain.split("\n", -1).length - 1);
    }

    private static ExtLogRecord record() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "payout {0}\nfailed",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT, "cls");
        record.setParameters(new Object[] {5});
        record.setLoggerName("com.acme.Payouts");
        record.setInstant(java.time.Instant.ofEpochMilli(Events.MILLIS));
        record.setMdc(Map.of("user.id", "42", "request.id", "abc-123"));
        record.setThrown(new IllegalStateException("no funds"));
        return record;
    }
}
