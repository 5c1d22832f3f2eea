package dev.telemetrycdi.bench;

import java.io.OutputStream;

/**
 * An output stream that drops every byte and only counts them, so that a benchmark measures the module and not
 * a disk or a console.
 *
 * <p>Written by one thread (the sink's writer); read {@link #bytes()} after that thread has finished.
 */
final class DiscardingOutputStream extends OutputStream {
    private long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    long bytes() {
        return bytes;
    }
}
