package dev.telemetrycdi.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTargetsTest {
    @TempDir
    Path dir;

    @Test
    void fileCreatesParentDirectoriesAndAppends() throws IOException {
        Path file = dir.resolve("a/b/telemetry.jsonl");
        try (OutputStream out = LogTargets.file(file)) {
            out.write("one\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = LogTargets.file(file)) {
            out.write("two\n".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("one\ntwo\n", Files.readString(file));
    }

    @Test
    void fileThatCannotBeOpenedThrowsForTheCaller() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");

        assertThrows(IOException.class, () -> LogTargets.file(notADirectory.resolve("telemetry.jsonl")));
        assertThrows(IOException.class, () -> LogTargets.file(dir));
    }

    @Test
    void stdoutIsAStreamOnTheDescriptor() {
        assertNotNull(LogTargets.stdout()); // never closed: it would close the process's standard output
    }
}
