package dev.telemetrycdi.bench;

import org.apache.logging.log4j.ThreadContext;
import org.slf4j.MDC;

/**
 * What an application's own MDC filter does around a request, for {@link ContextMirrorBenchmark}: the five fields
 * of the sample request put into SLF4J's MDC and/or Log4j 2's ThreadContext, then removed, with their text ready.
 * Loaded, like {@link MirroredBind}, in a class loader with the application's logging jars.
 */
public final class HandRolledMdc implements Runnable {
    private static final String[] KEYS = {"request.id", "user.id", "labels", "tournament.id", "draft.id"};
    private static final String[] VALUES = {SampleRequest.CALLER_REQUEST_ID, SampleRequest.USER, "tournament,draft",
            "5", "12"};

    private final boolean slf4j = visible("org.slf4j.MDC") && visible("ch.qos.logback.classic.Logger");
    private final boolean log4j = visible("org.apache.logging.log4j.ThreadContext");

    @Override
    public void run() {
        for (int i = 0; i < KEYS.length; i++) {
            if (slf4j) {
                MDC.put(KEYS[i], VALUES[i]);
            }
            if (log4j) {
                ThreadContext.put(KEYS[i], VALUES[i]);
            }
        }
        for (String key : KEYS) {
            if (slf4j) {
                MDC.remove(key);
            }
            if (log4j) {
                ThreadContext.remove(key);
            }
        }
    }

    private boolean visible(String name) {
        try {
            Class.forName(name, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
