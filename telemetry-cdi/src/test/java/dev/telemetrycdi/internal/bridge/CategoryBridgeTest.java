package dev.telemetrycdi.internal.bridge;

import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.internal.logging.LogEvent;
import dev.telemetrycdi.internal.logging.LogPipeline;
import dev.telemetrycdi.internal.logging.ServerLogOutput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CategoryBridgeTest {
    @Test
    void theModulesOwnOutputRecordsAreNeverBridgedBackEvenUnderACoveringCategory() {
        List<LogEvent> published = new CopyOnWriteArrayList<>();
        LogPipeline pipeline = new LogPipeline() {
            @Override
            public boolean isEnabled(LogLevel level) {
                return true;
            }

            @Override
            public void publish(LogEvent event) {
                published.add(event);
            }
        };
        Logger output = Logger.getLogger(ServerLogOutput.LOGGER_NAME);
        Logger other = Logger.getLogger("dev.telemetrycdi.bridgetest");
        boolean outputParents = output.getUseParentHandlers();
        boolean otherParents = other.getUseParentHandlers();
        output.setUseParentHandlers(false);
        other.setUseParentHandlers(false);
        try (CategoryBridge bridge = CategoryBridge.open(pipeline, List.of("dev.telemetrycdi"), LogLevel.INFO)) {
            // children reach the category's handler only through their parents: route both to it
            output.setUseParentHandlers(true);
            other.setUseParentHandlers(true);
            Logger.getLogger("dev.telemetrycdi").setUseParentHandlers(false);
            output.info("\n{\"event\":\"x\"}");
            other.info("an application record");
            assertEquals(List.of("an application record"), published.stream().map(LogEvent::event).toList());
        } finally {
            Logger.getLogger("dev.telemetrycdi").setUseParentHandlers(true);
            output.setUseParentHandlers(outputParents);
            other.setUseParentHandlers(otherParents);
        }
    }
}
