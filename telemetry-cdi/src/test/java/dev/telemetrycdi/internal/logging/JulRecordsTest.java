package dev.telemetrycdi.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.context.Fields;

import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class JulRecordsTest {

    @Test
    void convertsTheRecord() {
        LogRecord record = new LogRecord(Level.WARNING, "disk {0} is full");
        record.setParameters(new Object[] {"sda"});
        record.setLoggerName("com.acme.Disk");
        record.setInstant(java.time.Instant.ofEpochMilli(Events.MILLIS));
        IllegalStateException thrown = new IllegalStateException();
        record.setThrown(thrown);
        Fields context = Fields.of("request.id", "r1");

        LogEvent event = JulRecords.toEvent(record, context);

        assertEquals(LogLevel.WARNING, event.level());
        assertEquals("disk sda is full", event.event());
        assertEquals("com.acme.Disk", event.logger());
        assertEquals(Events.MILLIS, event.epochMillis());
        assertSame(context, event.context());
        assertEquals(0, event.fields().size());
        assertSame(thrown, event.thrown());
    }

    @Test
    void mapsLevelsAndTreatsAMissingLevelAsInfo() {
        assertEquals(LogLevel.DEBUG, JulRecords.toEvent(new LogRecord(Level.FINE, "m"), null).level());
        assertEquals(LogLevel.ERROR, JulRecords.toEvent(new LogRecord(Level.SEVERE, "m"), null).level());
        LogRecord noLevel = new LogRecord(Level.INFO, "m") {
            @Override
            public Level getLevel() {
                return null; // a subclass can do what setLevel refuses
            }
        };
        assertEquals(LogLevel.INFO, JulRecords.toEvent(noLevel, null).level());
    }

    @Test
    void formatsLikeJulsOwnFormatterAndNeverThrows() {
        assertEquals("", JulRecords.formatMessage(new LogRecord(Level.INFO, null)));
        assertEquals("no params {0}", JulRecords.formatMessage(new LogRecord(Level.INFO, "no params {0}")));
        assertEquals("no placeholder {x}", message("no placeholder {x}", "p"));
        assertEquals("bad pattern {0", message("bad pattern {0", "p"));
        assertEquals("two: a b", message("two: {0} {1}", "a", "b"));
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException();
            }
        };
        assertEquals("throwing {0}", message("throwing {0}", throwing));
    }

    @Test
    void looksTheMessageUpInTheResourceBundle() {
        LogRecord record = new LogRecord(Level.INFO, "greeting");
        record.setParameters(new Object[] {"Ada"});
        record.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"greeting", "hello {0}"}};
            }
        });
        assertEquals("hello Ada", JulRecords.formatMessage(record));

        LogRecord missing = new LogRecord(Level.INFO, "not a key");
        missing.setResourceBundle(record.getResourceBundle());
        assertEquals("not a key", JulRecords.formatMessage(missing));
    }

    @Test
    void letsAJbossRecordFormatItselfInPrintfStyle() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "hello %s", ExtLogRecord.FormatStyle.PRINTF, "cls");
        record.setParameters(new Object[] {"world"});

        assertEquals("hello world", JulRecords.formatMessage(record));
        assertNull(JulRecords.toEvent(record, null).logger());
    }

    private static String message(String pattern, Object... parameters) {
        LogRecord record = new LogRecord(Level.INFO, pattern);
        record.setParameters(parameters);
        return JulRecords.formatMessage(record);
    }
}
