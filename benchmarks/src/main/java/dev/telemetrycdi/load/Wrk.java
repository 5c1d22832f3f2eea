package dev.telemetrycdi.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the server with {@code wrk} (Debian package {@code wrk}) and reads its summary. */
final class Wrk implements LoadDriver {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("(?:Non-2xx or 3xx responses|Socket errors):\\s*(.*)");

    private final List<String> launcher;
    private final int threads;

    /** {@code launcher}: words put before {@code wrk} (e.g. {@code taskset -c 0}), or none. */
    Wrk(List<String> launcher, int threads) {
        this.launcher = List.copyOf(launcher);
        this.threads = threads;
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return (launcher.isEmpty() ? "" : String.join(" ", launcher) + " ") + "wrk -t" + threads;
    }

    @Override
    public Measurement run(String url, int connections, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + output);
        }
        return parse(output);
    }

    static Measurement parse(String output) {
        double rate = Double.parseDouble(find(RATE, output));
        long total = Long.parseLong(find(TOTAL, output));
        long errors = 0;
        Matcher matcher = ERRORS.matcher(output);
        while (matcher.find()) {
            for (String number : matcher.group(1).replaceAll("[^0-9 ]", " ").trim().split("\\s+")) {
                errors += number.isEmpty() ? 0 : Long.parseLong(number);
            }
        }
        return new Measurement(rate, percentile(output, "50%"), percentile(output, "99%"), total, errors);
    }

    /** A latency percentile of wrk's "Latency Distribution", in milliseconds. */
    private static double percentile(String output, String label) {
        Matcher matcher = Pattern.compile("^\\s*" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$",
                Pattern.MULTILINE).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + label + " latency in wrk's output:\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return matcher.group(1);
    }
}
