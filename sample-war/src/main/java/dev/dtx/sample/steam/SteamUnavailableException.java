package dev.dtx.sample.steam;

/** Steam could not be reached, or did not answer with its data: the sample answers 502 (Bad Gateway). */
public class SteamUnavailableException extends RuntimeException {
    public SteamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
