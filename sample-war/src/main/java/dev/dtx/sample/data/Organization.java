package dev.dtx.sample.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** An organization that runs leagues. */
public record Organization(long id, String name) {

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("id", id).add("name", name).build();
    }
}
