package dev.dtx.sample.data;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One team's line in a league table: matches played and won. */
public record Standing(String team, int played, int wins) {

    private static final Comparator<Standing> TABLE_ORDER =
            Comparator.comparingInt(Standing::wins).reversed().thenComparing(Standing::team);

    /** The table for {@code matches}: most wins first, ties by team name. */
    public static List<Standing> table(List<Match> matches) {
        Map<String, Standing> byTeam = new TreeMap<>();
        for (Match match : matches) {
            record(byTeam, match.home(), match.winner());
            record(byTeam, match.away(), match.winner());
        }
        return byTeam.values().stream().sorted(TABLE_ORDER).toList();
    }

    public static JsonArray toJson(List<Standing> table) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        table.forEach(row -> rows.add(row.toJson()));
        return rows.build();
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("team", team).add("played", played).add("wins", wins).build();
    }

    private static void record(Map<String, Standing> byTeam, String team, String winner) {
        Standing before = byTeam.getOrDefault(team, new Standing(team, 0, 0));
        int won = team.equals(winner) ? 1 : 0;
        byTeam.put(team, new Standing(team, before.played + 1, before.wins + won));
    }
}
