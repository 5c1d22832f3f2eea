package dev.telemetrycdi.internal.websocket;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;

/**
 * The remotes of a {@link ConnectionSession}: every whole message sent (and every last part of a partial one, every
 * send stream or writer opened) counts once in the connection's {@code messages.sent}; everything else is passed on
 * unchanged, exceptions included.
 *
 * <p>Internal API: may change without notice. Thread-safe as the container's remotes are.
 */
final class CountingRemotes {
    private CountingRemotes() {
    }

    /** A send to the container's remote. */
    @FunctionalInterface
    interface Send<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Counts a message as sent before the container writes it (the peer may answer and close the connection before
     * the call returns, and the count must be in the {@code ws_disconnected} line), and takes it back if the
     * container refuses it.
     */
    static <T, E extends Exception> T counted(ConnectionTelemetry connection, Send<T, E> send) throws E {
        connection.sent();
        boolean handed = false;
        try {
            T result = send.run();
            handed = true;
            return result;
        } finally {
            if (!handed) {
                connection.unsent();
            }
        }
    }

    static final class Basic implements RemoteEndpoint.Basic {
        private final RemoteEndpoint.Basic remote;
        private final ConnectionTelemetry connection;

        Basic(RemoteEndpoint.Basic remote, ConnectionTelemetry connection) {
            this.remote = remote;
            this.connection = connection;
        }

        @Override
        public void sendText(String text) throws IOException {
            counted(connection, () -> {
                remote.sendText(text);
                return null;
            });
        }

        @Override
        public void sendBinary(ByteBuffer data) throws IOException {
            counted(connection, () -> {
                remote.sendBinary(data);
                return null;
            });
        }

        @Override
        public void sendText(String partialMessage, boolean isLast) throws IOException {
            if (!isLast) {
                remote.sendText(partialMessage, false);
                return;
            }
            counted(connection, () -> {
                remote.sendText(partialMessage, true);
                return null;
            });
        }

        @Override
        public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
            if (!isLast) {
                remote.sendBinary(partialByte, false);
                return;
            }
            counted(connection, () -> {
                remote.sendBinary(partialByte, true);
                return null;
            });
        }

        @Override
        public OutputStream getSendStream() throws IOException {
            return counted(connection, () -> remote.getSendStream());
        }

        @Override
        public Writer getSendWriter() throws IOException {
            return counted(connection, () -> remote.getSendWriter());
        }

        @Override
        public void sendObject(Object data) throws IOException, EncodeException {
            connection.sent();
            boolean handed = false;
            try {
                remote.sendObject(data);
                handed = true;
            } finally {
                if (!handed) {
                    connection.unsent();
                }
            }
        }

        @Override
        public void setBatchingAllowed(boolean allowed) throws IOException {
            remote.setBatchingAllowed(allowed);
        }

        @Override
        public boolean getBatchingAllowed() {
            return remote.getBatchingAllowed();
        }

        @Override
        public void flushBatch() throws IOException {
            remote.flushBatch();
        }

        @Override
        public void sendPing(ByteBuffer applicationData) throws IOException {
            remote.sendPing(applicationData);
        }

        @Override
        public void sendPong(ByteBuffer applicationData) throws IOException {
            remote.sendPong(applicationData);
        }
    }

    static final class Async implements RemoteEndpoint.Async {
        private final RemoteEndpoint.Async remote;
        private final ConnectionTelemetry connection;

        Async(RemoteEndpoint.Async remote, ConnectionTelemetry connection) {
            this.remote = remote;
            this.connection = connection;
        }

        @Override
        public long getSendTimeout() {
            return remote.getSendTimeout();
        }

        @Override
        public void setSendTimeout(long timeoutmillis) {
            remote.setSendTimeout(timeoutmillis);
        }

        @Override
        public void sendText(String text, SendHandler handler) {
            counted(connection, () -> {
                remote.sendText(text, handler);
                return null;
            });
        }

        @Override
        public Future<Void> sendText(String text) {
            return counted(connection, () -> remote.sendText(text));
        }

        @Override
        public Future<Void> sendBinary(ByteBuffer data) {
            return counted(connection, () -> remote.sendBinary(data));
        }

        @Override
        public void sendBinary(ByteBuffer data, SendHandler handler) {
            counted(connection, () -> {
                remote.sendBinary(data, handler);
                return null;
            });
        }

        @Override
        public Future<Void> sendObject(Object data) {
            return counted(connection, () -> remote.sendObject(data));
        }

        @Override
        public void sendObject(Object data, SendHandler handler) {
            counted(connection, () -> {
                remote.sendObject(data, handler);
                return null;
            });
        }

        @Override
        public void setBatchingAllowed(boolean allowed) throws IOException {
            remote.setBatchingAllowed(allowed);
        }

        @Override
        public boolean getBatchingAllowed() {
            return remote.getBatchingAllowed();
        }

        @Override
        public void flushBatch() throws IOException {
            remote.flushBatch();
        }

        @Override
        public void sendPing(ByteBuffer applicationData) throws IOException {
            remote.sendPing(applicationData);
        }

        @Override
        public void sendPong(ByteBuffer applicationData) throws IOException {
            remote.sendPong(applicationData);
        }
    }
}
