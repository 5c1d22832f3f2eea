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

    static final class Basic implements RemoteEndpoint.Basic {
        private final RemoteEndpoint.Basic remote;
        private final ConnectionTelemetry connection;

        Basic(RemoteEndpoint.Basic remote, ConnectionTelemetry connection) {
            this.remote = remote;
            this.connection = connection;
        }

        @Override
        public void sendText(String text) throws IOException {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendText(text);
            } catch (IOException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public void sendBinary(ByteBuffer data) throws IOException {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendBinary(data);
            } catch (IOException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public void sendText(String partialMessage, boolean isLast) throws IOException {
            if (!isLast) {
                remote.sendText(partialMessage, false);
                return;
            }
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendText(partialMessage, true);
            } catch (IOException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
            if (!isLast) {
                remote.sendBinary(partialByte, false);
                return;
            }
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendBinary(partialByte, true);
            } catch (IOException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public OutputStream getSendStream() throws IOException {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                return remote.getSendStream();
            } catch (IOException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public Writer getSendWriter() throws IOException {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                return remote.getSendWriter();
            } catch (IOException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public void sendObject(Object data) throws IOException, EncodeException {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendObject(data);
            } catch (IOException | EncodeException | RuntimeException | Error e) {
                connection.unsent();
                throw e;
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
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendText(text, handler);
            } catch (RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public Future<Void> sendText(String text) {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                return remote.sendText(text);
            } catch (RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public Future<Void> sendBinary(ByteBuffer data) {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                return remote.sendBinary(data);
            } catch (RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public void sendBinary(ByteBuffer data, SendHandler handler) {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendBinary(data, handler);
            } catch (RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public Future<Void> sendObject(Object data) {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                return remote.sendObject(data);
            } catch (RuntimeException | Error e) {
                connection.unsent();
                throw e;
            }
        }

        @Override
        public void sendObject(Object data, SendHandler handler) {
            connection.sent(); // before the container writes it: the peer may answer and close first
            try {
                remote.sendObject(data, handler);
            } catch (RuntimeException | Error e) {
                connection.unsent();
                throw e;
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
}
