package dev.telemetrycdi.it;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files that together hold one application's lines, oldest first (a rotated or moved file before the file that
 * followed it), each read whole: a file must end with a line break, hold no NUL byte (a hole left by writing at a
 * stale offset) and every line must parse as one JSON object. Read it only once the writer is quiet.
 */
final class LogSet {
    /** A parsed line and the file it is in. */
    record Line(Path file, JsonObject json) {
        String event() {
            return LogFile.text(json, "event");
        }

        String requestId() {
            return LogFile.text(json, "request.id");
        }
    }

    private final List<Line> lines;

    private LogSet(List<Line> lines) {
        this.lines = lines;
    }

    /** Reads {@code files} in this order; fails on a partial line, a NUL byte or a line that is not JSON. */
    static LogSet read(List<Path> files) {
        List<Line> lines = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = bytes(file);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                fail(file + " ends inside a line");
            }
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    fail(file + " has a NUL byte at offset " + i);
                }
            }
            for (String line : new String(bytes, StandardCharsets.UTF_8).lines().toList()) {
                lines.add(new Line(file, LogFile.parse(line)));
            }
        }
        return new LogSet(lines);
    }

    /** Lines already read, e.g. of two sets together. */
    static LogSet of(List<Line> lines) {
        return new LogSet(List.copyOf(lines));
    }

    /** {@code log} and its rotated files {@code log.<n>}: the highest number (oldest) first, {@code log} last. */
    static List<Path> rotations(Path log) {
        Pattern rotated = Pattern.compile(Pattern.quote(log.getFileName().toString()) + "\\.(\\d+)");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(log.getParent())) {
            siblings.filter(file -> rotated.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt((Path file) -> number(rotated, file)).reversed())
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(log);
        return files;
    }

    /** The number {@code n} of a rotated file {@code log.<n>}. */
    static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }

    List<Line> lines() {
        return lines;
    }

    /** The lines whose {@code event} is {@code event}. */
    List<Line> events(String event) {
        return lines.stream().filter(line -> event.equals(line.event())).toList();
    }

    private static int number(Pattern rotated, Path file) {
        Matcher matcher = rotated.matcher(file.getFileName().toString());
        matcher.matches();
        return Integer.parseInt(matcher.group(1));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
