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
            remote.sendText(text);
            connection.sent();
        }

        @Override
        public void sendBinary(ByteBuffer data) throws IOException {
            remote.sendBinary(data);
            connection.sent();
        }

        @Override
        public void sendText(String partialMessage, boolean isLast) throws IOException {
            remote.sendText(partialMessage, isLast);
            if (isLast) {
                connection.sent();
            }
        }

        @Override
        public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
            remote.sendBinary(partialByte, isLast);
            if (isLast) {
                connection.sent();
            }
        }

        @Override
        public OutputStream getSendStream() throws IOException {
            OutputStream stream = remote.getSendStream();
            connection.sent();
            return stream;
        }

        @Override
        public Writer getSendWriter() throws IOException {
            Writer writer = remote.getSendWriter();
            connection.sent();
            return writer;
        }

        @Override
        public void sendObject(Object data) throws IOException, EncodeException {
            remote.sendObject(data);
            connection.sent();
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
            remote.sendText(text, handler);
            connection.sent();
        }

        @Override
        public Future<Void> sendText(String text) {
            Future<Void> sent = remote.sendText(text);
            connection.sent();
            return sent;
        }

        @Override
        public Future<Void> sendBinary(ByteBuffer data) {
            Future<Void> sent = remote.sendBinary(data);
            connection.sent();
            return sent;
        }

        @Override
        public void sendBinary(ByteBuffer data, SendHandler handler) {
            remote.sendBinary(data, handler);
            connection.sent();
        }

        @Override
        public Future<Void> sendObject(Object data) {
            Future<Void> sent = remote.sendObject(data);
            connection.sent();
            return sent;
        }

        @Override
        public void sendObject(Object data, SendHandler handler) {
            remote.sendObject(data, handler);
            connection.sent();
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
