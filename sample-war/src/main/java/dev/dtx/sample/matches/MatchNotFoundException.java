package dev.dtx.sample.matches;

/** No match with the requested id can be acted upon; {@link MatchNotFoundMapper} answers it with 404. */
public class MatchNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long matchId;

    public MatchNotFoundException(long matchId, String message) {
        super(message);
        this.matchId = matchId;
    }

    public long matchId() {
        return matchId;
    }
}
