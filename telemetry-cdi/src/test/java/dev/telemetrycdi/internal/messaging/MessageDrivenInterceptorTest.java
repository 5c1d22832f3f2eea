package dev.telemetrycdi.internal.messaging;

import dev.telemetrycdi.BindMessageContext;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.cdi.Capabilities;
import dev.telemetrycdi.internal.cdi.Running;
import dev.telemetrycdi.internal.tracing.SpanAccess;
import dev.telemetrycdi.internal.context.ContextStorage;
import dev.telemetrycdi.internal.logging.CapturedLines;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageDrivenInterceptorTest {
    private final CapturedLines lines = new CapturedLines(LogLevel.TRACE).activate();
    private final FakeMessage fake = new FakeMessage().with("telemetry_request_id", "req-1");

    @AfterEach
    void release() {
        lines.close();
        assertTrue(ContextStorage.current().isEmpty(), "the test thread is clean");
    }

    /** A message-driven bean as teams write it: no annotation of the module. */
    static class PlainListener implements MessageListener {
        Object requestId;

        @Override
        public void onMessage(Message message) {
            requestId = ContextStorage.current().get("request.id");
        }
    }

    /** A bean written the earlier way: its own binding's interceptor handles it. */
    @BindMessageContext
    static class AnnotatedListener extends PlainListener {
    }

    @Test
    void onMessageOfAnyMessageDrivenBeanRunsInTheMessagesContextWithItsLines() throws Exception {
        PlainListener bean = new PlainListener();
        interceptor().inMessageContext(invocation(bean, fake.message()));
        assertEquals("req-1", bean.requestId);
        assertEquals(List.of("message_received", "message_processed"),
                lines.events.stream().map(event -> event.event()).toList());
    }

    @Test
    void aBeanAnnotatedBindMessageContextIsLeftToThatBindingSoThatADeliveryIsProcessedOnce() throws Exception {
        PlainListener bean = new AnnotatedListener();
        interceptor().inMessageContext(invocation(bean, fake.message()));
        assertEquals(null, bean.requestId, "this interceptor did nothing");
        assertTrue(lines.events.isEmpty());
    }

    private static MessageDrivenInterceptor interceptor() {
        MessageDrivenInterceptor interceptor = new MessageDrivenInterceptor();
        interceptor.running = Running.on(null, Capabilities.ALL, SpanAccess.NONE);
        return interceptor;
    }

    private static InvocationContext invocation(PlainListener bean, Message message) throws Exception {
        Method onMessage = PlainListener.class.getMethod("onMessage", Message.class);
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return bean;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return onMessage;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[] {message};
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() {
                bean.onMessage(message);
                return null;
            }
        };
    }
}
