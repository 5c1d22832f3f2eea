package dev.dtx.sample.steam;

import dev.telemetrycdi.TelemetryClientFilter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.util.concurrent.TimeUnit;

/**
 * The sample's client of a Steam-like web API: the Dota 2 match details of the Steam Web API
 * ({@code GET /IDOTA2Match_570/GetMatchDetails/v1/?match_id=7}) at the address {@code dtx.steam.url}
 * (environment {@code DTX_STEAM_URL}). Its default, {@code http://localhost:9999}, is a placeholder where nothing
 * listens: until it points at a real or stub API, every call fails and the sample answers 502.
 *
 * <p>One JAX-RS client for the application, with telemetry-cdi's {@link TelemetryClientFilter}: each call
 * forwards the request's {@code X-Request-ID} and writes one {@code http_client_request} line, also when it ends
 * without a response, because it goes through {@link TelemetryClientFilter#call}. Thread-safe.
 */
@ApplicationScoped
public class SteamClient {
    static final String MATCH_DETAILS = "IDOTA2Match_570/GetMatchDetails/v1/";

    @Inject
    @ConfigProperty(name = "dtx.steam.url", defaultValue = "http://localhost:9999")
    String baseUrl;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
                .register(TelemetryClientFilter.class)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * The {@code result} of Steam's match details of {@code matchId}.
     *
     * @throws SteamUnavailableException if Steam cannot be reached, answers other than 2xx, or not with JSON
     */
    public JsonObject matchDetails(long matchId) {
        Invocation.Builder request = client.target(baseUrl).path(MATCH_DETAILS).queryParam("match_id", matchId)
                .request(MediaType.APPLICATION_JSON);
        try (Response response = TelemetryClientFilter.call(request, Invocation.Builder::get)) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new SteamUnavailableException("Steam answered " + response.getStatus(), null);
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
                JsonObject answer = reader.readObject();
                return answer.containsKey("result") ? answer.getJsonObject("result") : answer;
            }
        } catch (ProcessingException | JsonException | ClassCastException e) {
            throw new SteamUnavailableException("Steam not reachable or not JSON", e);
        }
    }
}
