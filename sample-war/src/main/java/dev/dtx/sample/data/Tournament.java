package dev.dtx.sample.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A tournament played within a league. */
public record Tournament(long id, long leagueId, String name) {

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("leagueId", leagueId)
                .add("name", name)
                .build();
    }
}
