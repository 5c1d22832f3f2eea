package dev.dtx.sample.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A played match of a tournament between two teams. */
public record Match(long id, long tournamentId, String home, String away, String winner) {

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("tournamentId", tournamentId)
                .add("home", home)
                .add("away", away)
                .add("winner", winner)
                .build();
    }
}
