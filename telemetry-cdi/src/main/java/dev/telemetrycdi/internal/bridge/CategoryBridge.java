package dev.telemetrycdi.internal.bridge;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.logging.LogPipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes the records of a set of logger categories into the application's structured pipeline while it is open.
 *
 * <p>JUL loggers are shared by every application on the server, so the bridge changes as little as it can: it adds
 * one handler per category, which takes only records logged under this application's class loader; it lowers a
 * category's level when the threshold needs it (never raises it); records still reach the server's own handlers.
 * Closing removes the handlers and puts back a level it changed, unless another application's bridge still needs it.
 *
 * <pre>{@code
 * try (CategoryBridge bridge = CategoryBridge.open(pipeline, List.of("com.acme"), LogLevel.INFO)) { ... }
 * }</pre>
 *
 * <p>Internal API: may change without notice. Open and close on one thread (start-up, shutdown), under the
 * application's context class loader.
 */
public final class CategoryBridge implements AutoCloseable {
    private final List<Installed> installed;

    private CategoryBridge(List<Installed> installed) {
        this.installed = installed;
    }

    /** Attaches one bridge handler to each category's logger; categories are logger-name prefixes. */
    public static CategoryBridge open(LogPipeline pipeline, List<String> categories, LogLevel threshold) {
        Handler handler = new JulBridgeHandler(pipeline, Thread.currentThread().getContextClassLoader());
        handler.setLevel(threshold.toJul());
        List<Installed> installed = new ArrayList<>();
        for (String category : categories) {
            // strong reference kept in Installed: JUL holds loggers weakly and would forget the configuration
            Logger logger = Logger.getLogger(category);
            Level previous = logger.getLevel();
            Level lowered = null;
            if (!logger.isLoggable(threshold.toJul())) {
                lowered = threshold.toJul();
                logger.setLevel(lowered);
            }
            logger.addHandler(handler);
            installed.add(new Installed(logger, previous, lowered, handler));
        }
        return new CategoryBridge(installed);
    }

    @Override
    public void close() {
        for (Installed each : installed) {
            each.logger.removeHandler(each.handler);
            if (each.lowered != null && each.logger.getLevel() == each.lowered && !otherBridges(each.logger)) {
                each.logger.setLevel(each.previous);
            }
        }
        installed.clear();
    }

    private static boolean otherBridges(Logger logger) {
        for (Handler handler : logger.getHandlers()) {
            if (handler.getClass().getName().equals(JulBridgeHandler.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private record Installed(Logger logger, Level previous, Level lowered, Handler handler) {
    }
}
