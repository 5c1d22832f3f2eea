package dev.dtx.sample.data;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The sample's in-memory, read-only data: organizations 1–2, leagues 3–4, tournaments 5–6, drafts 12–14 and
 * matches 7–9. Tournament 5 belongs to league 3 of organization 1 and holds drafts 12, 13 and matches 7, 8.
 *
 * <p>Thread-safe: immutable after construction.
 */
@ApplicationScoped
public class Catalog {
    private final Map<Long, Organization> organizations = index(Organization::id, List.of(
            new Organization(1, "Radiant Esports Club"),
            new Organization(2, "Dire Community League")));
    private final Map<Long, League> leagues = index(League::id, List.of(
            new League(3, 1, "Winter League"),
            new League(4, 2, "Amateur Series")));
    private final Map<Long, Tournament> tournaments = index(Tournament::id, List.of(
            new Tournament(5, 3, "Winter Cup"),
            new Tournament(6, 4, "Spring Open")));
    private final Map<Long, Draft> drafts = index(Draft::id, List.of(
            new Draft(12, 5, "snake"),
            new Draft(13, 5, "shuffle"),
            new Draft(14, 6, "snake")));
    private final Map<Long, Match> matches = index(Match::id, List.of(
            new Match(7, 5, "Tidehunters", "Stormcallers", "Tidehunters"),
            new Match(8, 5, "Stormcallers", "Ironwood", "Stormcallers"),
            new Match(9, 6, "Nightcrawlers", "Sunstrikers", "Sunstrikers")));

    public Optional<Organization> organization(long id) {
        return Optional.ofNullable(organizations.get(id));
    }

    public Optional<League> league(long id) {
        return Optional.ofNullable(leagues.get(id));
    }

    public Optional<Tournament> tournament(long id) {
        return Optional.ofNullable(tournaments.get(id));
    }

    public Optional<Draft> draft(long id) {
        return Optional.ofNullable(drafts.get(id));
    }

    public Optional<Match> match(long id) {
        return Optional.ofNullable(matches.get(id));
    }

    public List<League> leaguesOf(long organizationId) {
        return leagues.values().stream().filter(l -> l.organizationId() == organizationId).toList();
    }

    /** The matches of every tournament of the league. */
    public List<Match> matchesOfLeague(long leagueId) {
        return matches.values().stream()
                .filter(m -> tournament(m.tournamentId()).map(t -> t.leagueId() == leagueId).orElse(false))
                .toList();
    }

    /** Items by id, iterated in id order so that responses list them stably. */
    private static <T> Map<Long, T> index(Function<T, Long> id, List<T> items) {
        Map<Long, T> byId = new TreeMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return Collections.unmodifiableMap(byId);
    }
}
