package dev.dtx.sample.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A player draft of a tournament, e.g. a snake draft. */
public record Draft(long id, long tournamentId, String style) {

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("tournamentId", tournamentId)
                .add("style", style)
                .build();
    }
}
