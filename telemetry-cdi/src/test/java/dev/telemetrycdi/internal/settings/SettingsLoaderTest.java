package dev.telemetrycdi.internal.settings;

import dev.telemetrycdi.LogFormat;
import dev.telemetrycdi.LogLevel;
import dev.telemetrycdi.TelemetrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsLoaderTest {

    private static SettingsLoader.Result load(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingsLoader.load(key -> Optional.ofNullable(values.get(key)));
    }

    @ParameterizedTest
    @CsvSource({
            ",     JSON,   INFO",
            "dev,  PRETTY, DEBUG",
            "test, JSON,   INFO",
            "prod, JSON,   ERROR",
            "staging, JSON, INFO"})
    void profilesGiveTheDesignsDefaults(String profile, LogFormat format, LogLevel level) {
        SettingsLoader.Result result = profile == null ? load() : load("mp.config.profile", profile);
        assertEquals(format, result.settings().format());
        assertEquals(level, result.settings().level());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void anExplicitValueBeatsTheProfileDefault() {
        TelemetrySettings settings = load("mp.config.profile", "prod", "log.level", "debug", "log.format", "pretty")
                .settings();
        assertEquals(LogLevel.DEBUG, settings.level());
        assertEquals(LogFormat.PRETTY, settings.format());
        assertEquals(Optional.of("prod"), settings.profile());
    }

    @Test
    void defaultsWithoutAnyConfiguration() {
        TelemetrySettings settings = load().settings();
        assertTrue(settings.enabled());
        assertTrue(settings.structured());
        assertEquals(List.of(), settings.categories());
        assertEquals(Optional.empty(), settings.file());
        assertEquals(8192, settings.queueSize());
        assertEquals(20, settings.maxFileSizeMb());
        assertEquals(5, settings.maxFiles());
        assertEquals("auto", settings.color());
        assertEquals("/", settings.labelPrefix(), "no sample-domain defaults: the whole path");
        assertEquals(Map.of(), settings.labelResources());
        assertEquals(Map.of(), settings.labelTags());
        assertEquals("/", settings.webSocketPrefix());
        assertEquals(Optional.empty(), settings.profile());
    }

    @Test
    void switchesAndListsAreRead() {
        TelemetrySettings settings = load("telemetry.enabled", "FALSE", "structlog.enabled", "no",
                "telemetry.log.categories", " com.acme , org.example,,com.acme ", "telemetry.log.file", "/tmp/x.log",
                "telemetry.log.queue-size", "64", "telemetry.log.color", "Never").settings();
        assertFalse(settings.enabled());
        assertFalse(settings.structured());
        assertEquals(List.of("com.acme", "org.example"), settings.categories());
        assertEquals(Optional.of(Path.of("/tmp/x.log")), settings.file());
        assertEquals(64, settings.queueSize());
        assertEquals("never", settings.color());
    }

    @Test
    void anInvalidLevelIsReportedOnceAndReplacedByTheProfileDefault() {
        SettingsLoader.Result result = load("mp.config.profile", "prod", "log.level", "loud");
        assertEquals(LogLevel.ERROR, result.settings().level());
        assertEquals(1, result.problems().size());
        String problem = result.problems().get(0);
        assertTrue(problem.startsWith("TCDI0001W"), problem);
        assertTrue(problem.contains("'loud'") && problem.contains("log.level") && problem.contains("LOG_LEVEL")
                && problem.contains("'ERROR'"), problem);
    }

    @Test
    void everyInvalidValueIsReportedAndTheApplicationGetsWorkingSettings() {
        SettingsLoader.Result result = load("log.format", "xml", "telemetry.enabled", "maybe",
                "telemetry.log.queue-size", "10", "telemetry.log.color", "rainbow",
                "telemetry.labels.resources", "tournaments=tournament", "telemetry.labels.prefix", "/a b");
        assertEquals(6, result.problems().size(), result.problems().toString());
        TelemetrySettings settings = result.settings();
        assertEquals(LogFormat.JSON, settings.format());
        assertTrue(settings.enabled());
        assertEquals(8192, settings.queueSize());
        assertEquals("auto", settings.color());
        assertEquals("/", settings.labelPrefix());
        assertEquals(Map.of(), settings.labelResources());
    }

    @ParameterizedTest
    @CsvSource({",     20, 5", "dev,  20, 2", "test, 20, 2", "prod, 20, 5"})
    void rotationDefaultsPerProfile(String profile, int maxFileSizeMb, int maxFiles) {
        TelemetrySettings settings = (profile == null ? load() : load("mp.config.profile", profile)).settings();
        assertEquals(maxFileSizeMb, settings.maxFileSizeMb());
        assertEquals(maxFiles, settings.maxFiles());
    }

    @Test
    void rotationValuesAreReadAndZeroSwitchesRotationOff() {
        TelemetrySettings settings = load("telemetry.log.max-file-size", " 0 ", "telemetry.log.max-files", "12")
                .settings();
        assertEquals(0, settings.maxFileSizeMb());
        assertEquals(12, settings.maxFiles());
    }

    @ParameterizedTest
    @CsvSource({"telemetry.log.max-file-size, -1, TELEMETRY_LOG_MAX_FILE_SIZE, '20'",
            "telemetry.log.max-file-size, 20MB, TELEMETRY_LOG_MAX_FILE_SIZE, '20'",
            "telemetry.log.max-files, 0, TELEMETRY_LOG_MAX_FILES, '5'",
            "telemetry.log.max-files, 1001, TELEMETRY_LOG_MAX_FILES, '5'"})
    void anInvalidRotationValueIsReportedAndReplacedByTheDefault(String property, String value, String env,
                                                                 String used) {
        SettingsLoader.Result result = load(property, value);
        assertEquals(1, result.problems().size(), result.problems().toString());
        String problem = result.problems().get(0);
        assertTrue(problem.startsWith("TCDI0001W") && problem.contains(property) && problem.contains(env)
                && problem.contains("'" + used + "'"), problem);
        assertEquals(20, result.settings().maxFileSizeMb());
        assertEquals(5, result.settings().maxFiles());
    }

    @Test
    void controlCharactersInARejectedValueAreNotPrintedRaw() {
        String problem = load("log.level", "x\ny\u001bz").problems().get(0);
        assertFalse(problem.contains("\n") || problem.contains("\u001b"), problem);
        assertTrue(problem.contains("x\\u000ay\\u001bz"), problem);
    }

    @Test
    void aResourceThatIsAlsoATagFallsBackToTheDefaults() {
        SettingsLoader.Result result = load("telemetry.labels.resources", "games:game", "telemetry.labels.tags",
                "games:game");
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals(Map.of(), result.settings().labelResources());
        assertEquals(Map.of(), result.settings().labelTags());
    }

    @Test
    void theSampleTableWithDottedSegmentsIsRead() {
        TelemetrySettings settings = load("telemetry.labels.prefix", "/api", "telemetry.labels.resources",
                "tournaments:tournament,draft:draft", "telemetry.labels.tags", "users:user, user.jsf:user",
                "telemetry.labels.websocket-prefix", "ws").settings();
        assertEquals("/api", settings.labelPrefix());
        assertEquals("/ws", settings.webSocketPrefix());
        assertEquals(Map.of("tournaments", "tournament", "draft", "draft"), settings.labelResources());
        assertEquals(Map.of("users", "user", "user.jsf", "user"), settings.labelTags());
    }

    @Test
    void customLabelRulesAreUsed() {
        TelemetrySettings settings = load("telemetry.labels.prefix", "v2/", "telemetry.labels.resources",
                "games:game", "telemetry.labels.tags", "").settings();
        assertEquals("/v2", settings.labelPrefix());
        assertEquals(Map.of("games", "game"), settings.labelResources());
        assertEquals(Map.of(), settings.labelTags());
    }

    @Test
    void environmentVariablesFollowMicroProfileConfigsMapping() {
        assertEquals("TELEMETRY_ENABLED", Setting.ENABLED.envVar());
        assertEquals("LOG_LEVEL", Setting.LOG_LEVEL.envVar());
        assertEquals("LOG_FORMAT", Setting.LOG_FORMAT.envVar());
        assertEquals("STRUCTLOG_ENABLED", Setting.STRUCTLOG_ENABLED.envVar());
        assertEquals("TELEMETRY_LOG_QUEUE_SIZE", Setting.LOG_QUEUE_SIZE.envVar());
    }
}
