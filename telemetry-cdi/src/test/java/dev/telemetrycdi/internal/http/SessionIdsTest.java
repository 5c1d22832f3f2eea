package dev.telemetrycdi.internal.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SessionIdsTest {
    @Test
    void aPathWithoutSessionIdIsReturnedAsItIs() {
        String uri = "/app/orders/5;version=2";
        assertSame(uri, SessionIds.strip(uri));
    }

    @Test
    void sessionIdsAreRemovedInAnyCaseAndPosition() {
        assertEquals("/app/hello", SessionIds.strip("/app/hello;jsessionid=ABC123"));
        assertEquals("/app/a/b", SessionIds.strip("/app/a;JSESSIONID=x/b"));
        assertEquals("/app/a;v=1/b", SessionIds.strip("/app/a;jsessionid=x;v=1/b;jSessionId=y"));
        assertEquals("/app/", SessionIds.strip("/app/;jsessionid="));
    }
}
