package dev.telemetrycdi.internal.tracing;

import dev.telemetrycdi.internal.settings.SettingsLoader;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Keeps the server from exporting the module's lines a second time once {@code telemetry.log.otlp} sends them
 * itself: wraps every log exporter of the application's OpenTelemetry SDK in a {@link ServerCopyFilter}.
 *
 * <p>Found by the SDK's autoconfiguration through {@code META-INF/services} in the module's jar: both servers build
 * the application's SDK with the application's class loader as the service loader (Open Liberty's
 * {@code mpTelemetry}, WildFly's SmallRye OpenTelemetry), so the provider is the application's own and reads the
 * application's settings. Without {@code telemetry.log.otlp} in effect it changes nothing.
 *
 * <p>Internal API: may change without notice. Thread-safe.
 */
public final class ServerLogCopies implements AutoConfigurationCustomizerProvider {
    @Override
    public void customize(AutoConfigurationCustomizer autoConfiguration) {
        autoConfiguration.addLogRecordExporterCustomizer((exporter, config) -> {
            List<String> categories = emittedCategories(ServerLogCopies.class.getClassLoader());
            return categories.isEmpty() ? exporter : new ServerCopyFilter(exporter, categories);
        });
    }

    /**
     * The logger names whose records the module emits itself: its console output on WildFly and the bridged
     * categories; none while the module does not emit records.
     */
    static List<String> emittedCategories(ClassLoader application) {
        try {
            TracingSwitch tracing = TracingConfigSource.readSwitch(application);
            Config config = ConfigProvider.getConfig(application);
            var settings = SettingsLoader.load(key -> config.getOptionalValue(key, String.class)).settings();
            if (!tracing.logsExported() || !settings.structured() || !settings.enabled()) {
                return List.of();
            }
            return ServerCopyFilter.emitted(settings.categories());
        } catch (RuntimeException | LinkageError e) {
            return List.of(ServerCopyFilter.MODULE_OUTPUT); // at least the module's own output
        }
    }
}
