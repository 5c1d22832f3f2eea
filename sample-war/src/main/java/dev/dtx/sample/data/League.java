package dev.dtx.sample.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A league of an organization; its tournaments' matches make up its standings. */
public record League(long id, long organizationId, String name) {

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("organizationId", organizationId)
                .add("name", name)
                .build();
    }
}
