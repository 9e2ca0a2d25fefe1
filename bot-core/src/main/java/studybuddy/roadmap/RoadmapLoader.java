package studybuddy.roadmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the roadmap from JSON and checks it. Everything the bot plans, marks or counts hangs off unit
 * ids, so the data is validated once at load time instead of defensively at every use: duplicate ids,
 * dangling or cyclic prerequisites, prerequisites that a path would schedule after their unit, missing
 * translations, non-positive hours, and unknown ids in path orders or known units all fail fast.
 */
public final class RoadmapLoader {

    /** The classpath location of the seed's roadmap. */
    public static final String DEFAULT_RESOURCE = "/roadmap/roadmap.json";

    // Unknown properties fail: a misspelt "prerequisite" would otherwise silently drop an edge.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RoadmapLoader() {
    }

    /** Loads the roadmap bundled with the bot. */
    public static Roadmap loadDefault() {
        try (InputStream in = RoadmapLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new RoadmapException("roadmap resource " + DEFAULT_RESOURCE + " not found on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Parses and validates a roadmap; the stream is read but not closed. */
    public static Roadmap load(InputStream in) {
        JsonRoadmap json;
        try {
            json = MAPPER.readValue(in, JsonRoadmap.class);
        } catch (IOException e) {
            throw new RoadmapException("roadmap JSON is malformed: " + e.getMessage(), e);
        }
        if (json == null) {
            throw new RoadmapException("roadmap JSON is empty");
        }
        return validate(toModel(json));
    }

    // ---- JSON shape: units nest inside their stage, so the stage id is implied rather than repeated ----

    record JsonRoadmap(@JsonProperty("comment") String comment,
                       @JsonProperty("stages") List<JsonStage> stages,
                       @JsonProperty("pathOrders") Map<String, List<String>> pathOrders,
                       @JsonProperty("known") Map<String, List<String>> known,
                       @JsonProperty("estimates") Map<String, JsonEstimate> estimates) {
    }

    record JsonStage(@JsonProperty("id") String id,
                     @JsonProperty("title") LocalizedText title,
                     @JsonProperty("summary") LocalizedText summary,
                     @JsonProperty("units") List<JsonUnit> units) {
    }

    record JsonUnit(@JsonProperty("id") String id,
                    @JsonProperty("title") LocalizedText title,
                    @JsonProperty("resource") LocalizedText resource,
                    @JsonProperty("url") String url,
                    @JsonProperty("hours") int hours,
                    @JsonProperty("why") LocalizedText why,
                    @JsonProperty("prerequisites") List<String> prerequisites,
                    @JsonProperty("optional") boolean optional) {
    }

    record JsonEstimate(@JsonProperty("months") double months,
                        @JsonProperty("hoursPerWeek") int hoursPerWeek,
                        @JsonProperty("note") LocalizedText note) {
    }

    private static Roadmap toModel(JsonRoadmap json) {
        List<Stage> stages = new ArrayList<>();
        for (JsonStage s : orEmpty(json.stages())) {
            if (s == null) {
                throw new RoadmapException("roadmap has a null stage");
            }
            List<Unit> units = new ArrayList<>();
            for (JsonUnit u : orEmpty(s.units())) {
                if (u == null) {
                    throw new RoadmapException("stage '" + s.id() + "' has a null unit");
                }
                units.add(new Unit(u.id(), s.id(), u.title(), u.resource(), u.url(), u.hours(), u.why(),
                        u.prerequisites(), u.optional()));
            }
            stages.add(new Stage(s.id(), s.title(), s.summary(), units));
        }

        Map<LearningPath, List<String>> pathOrders = new EnumMap<>(LearningPath.class);
        orEmpty(json.pathOrders()).forEach((key, order) -> pathOrders.put(
                byId(LearningPath.values(), LearningPath::id, key, "path"),
                List.copyOf(orEmpty(order))));

        Map<Background, Set<String>> known = new EnumMap<>(Background.class);
        orEmpty(json.known()).forEach((key, ids) -> known.put(
                byId(Background.values(), Background::id, key, "background"),
                Collections.unmodifiableSet(new LinkedHashSet<>(orEmpty(ids)))));

        Map<Background, TimeEstimate> estimates = new EnumMap<>(Background.class);
        orEmpty(json.estimates()).forEach((key, e) -> {
            Background b = byId(Background.values(), Background::id, key, "background");
            if (e == null) {
                throw new RoadmapException("estimate for '" + key + "' is null");
            }
            estimates.put(b, new TimeEstimate(b, e.months(), e.hoursPerWeek(), e.note()));
        });

        return new Roadmap(List.copyOf(stages), Collections.unmodifiableMap(pathOrders),
                Collections.unmodifiableMap(known), Collections.unmodifiableMap(estimates));
    }

    // ---- validation ----

    private static Roadmap validate(Roadmap roadmap) {
        Map<String, Unit> units = checkIdsAndTexts(roadmap);
        checkPrerequisitesExist(units);
        checkNoCycles(units);
        checkPathOrders(roadmap);
        checkPrerequisitesPrecedeInEveryPath(roadmap);
        checkKnown(roadmap, units);
        checkEstimates(roadmap);
        return roadmap;
    }

    /** Unique, non-blank ids; both languages for every text; positive hours; an https link. */
    private static Map<String, Unit> checkIdsAndTexts(Roadmap roadmap) {
        if (roadmap.stages().isEmpty()) {
            throw new RoadmapException("roadmap has no stages");
        }
        Set<String> stageIds = new HashSet<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Stage stage : roadmap.stages()) {
            if (blank(stage.id())) {
                throw new RoadmapException("a stage has no id (after stage ids " + stageIds + ")");
            }
            String where = "stage '" + stage.id() + "'";
            if (!stageIds.add(stage.id())) {
                throw new RoadmapException("duplicate stage id: " + where);
            }
            requireText(stage.title(), where, "title");
            requireText(stage.summary(), where, "summary");
            if (stage.units().isEmpty()) {
                throw new RoadmapException(where + " has no units");
            }
            for (Unit unit : stage.units()) {
                if (blank(unit.id())) {
                    throw new RoadmapException(where + " has a unit without id");
                }
                String u = "unit '" + unit.id() + "'";
                // Unit and stage ids share command arguments ("/done <id>"), so they must not collide either.
                if (units.containsKey(unit.id()) || stageIds.contains(unit.id())) {
                    throw new RoadmapException("duplicate unit id: " + u + " in " + where);
                }
                units.put(unit.id(), unit);
                requireText(unit.title(), u, "title");
                requireText(unit.resource(), u, "resource");
                requireText(unit.why(), u, "why");
                if (unit.hours() <= 0) {
                    throw new RoadmapException(u + " has non-positive hours: " + unit.hours());
                }
                if (blank(unit.url()) || !unit.url().startsWith("https://")) {
                    throw new RoadmapException(u + " needs an https link, got: " + unit.url());
                }
            }
        }
        for (Unit unit : units.values()) {
            if (stageIds.contains(unit.id())) {
                throw new RoadmapException("duplicate unit id: unit '" + unit.id() + "' is also a stage id");
            }
        }
        return units;
    }

    private static void checkPrerequisitesExist(Map<String, Unit> units) {
        for (Unit unit : units.values()) {
            for (String pre : unit.prerequisites()) {
                if (!units.containsKey(pre)) {
                    throw new RoadmapException("unit '" + unit.id() + "' has unknown prerequisite '" + pre + "'");
                }
                if (pre.equals(unit.id())) {
                    throw new RoadmapException("prerequisite cycle: unit '" + unit.id() + "' requires itself");
                }
            }
        }
    }

    /** Depth-first search with the classic white/grey/black colouring; a grey hit closes a cycle. */
    private static void checkNoCycles(Map<String, Unit> units) {
        Map<String, Boolean> done = new HashMap<>(); // false = on the current path, true = finished
        for (String id : units.keySet()) {
            visit(id, units, done, new ArrayList<>());
        }
    }

    private static void visit(String id, Map<String, Unit> units, Map<String, Boolean> done, List<String> path) {
        Boolean state = done.get(id);
        if (Boolean.TRUE.equals(state)) {
            return;
        }
        if (Boolean.FALSE.equals(state)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            throw new RoadmapException("prerequisite cycle at unit '" + id + "': " + String.join(" -> ", cycle));
        }
        done.put(id, false);
        path.add(id);
        for (String pre : units.get(id).prerequisites()) {
            visit(pre, units, done, path);
        }
        path.remove(path.size() - 1);
        done.put(id, true);
    }

    /** Every path exists and lists every stage exactly once, so a route never loses or repeats units. */
    private static void checkPathOrders(Roadmap roadmap) {
        Set<String> stageIds = new LinkedHashSet<>();
        roadmap.stages().forEach(s -> stageIds.add(s.id()));
        for (LearningPath path : LearningPath.values()) {
            List<String> order = roadmap.pathOrders().get(path);
            if (order == null) {
                throw new RoadmapException("pathOrders has no order for path '" + path.id() + "'");
            }
            Set<String> seen = new HashSet<>();
            for (String stageId : order) {
                if (!stageIds.contains(stageId)) {
                    throw new RoadmapException("path '" + path.id() + "' lists unknown stage '" + stageId + "'");
                }
                if (!seen.add(stageId)) {
                    throw new RoadmapException("path '" + path.id() + "' lists stage '" + stageId + "' twice");
                }
            }
            for (String stageId : stageIds) {
                if (!seen.contains(stageId)) {
                    throw new RoadmapException("path '" + path.id() + "' is missing stage '" + stageId + "'");
                }
            }
        }
    }

    /** A route is followed top to bottom, so each prerequisite must come before its unit on every path. */
    private static void checkPrerequisitesPrecedeInEveryPath(Roadmap roadmap) {
        for (LearningPath path : LearningPath.values()) {
            Map<String, Integer> position = new HashMap<>();
            for (String stageId : roadmap.pathOrders().get(path)) {
                for (Unit unit : roadmap.stage(stageId).orElseThrow().units()) {
                    position.put(unit.id(), position.size());
                }
            }
            for (Unit unit : roadmap.units()) {
                for (String pre : unit.prerequisites()) {
                    if (position.get(pre) > position.get(unit.id())) {
                        throw new RoadmapException("unit '" + unit.id() + "' comes before its prerequisite '"
                                + pre + "' on path '" + path.id() + "'");
                    }
                }
            }
        }
    }

    private static void checkKnown(Roadmap roadmap, Map<String, Unit> units) {
        roadmap.known().forEach((background, ids) -> {
            for (String id : ids) {
                if (!units.containsKey(id)) {
                    throw new RoadmapException("known units of '" + background.id() + "' list unknown unit '" + id + "'");
                }
            }
        });
    }

    private static void checkEstimates(Roadmap roadmap) {
        roadmap.estimates().forEach((background, e) -> {
            String where = "estimate for '" + background.id() + "'";
            if (e.months() <= 0 || e.hoursPerWeek() <= 0) {
                throw new RoadmapException(where + " needs positive months and hoursPerWeek");
            }
            requireText(e.note(), where, "note");
        });
    }

    // ---- helpers ----

    private static void requireText(LocalizedText text, String where, String field) {
        if (text == null) {
            throw new RoadmapException(where + " is missing " + field + " (en and zh)");
        }
        if (blank(text.en())) {
            throw new RoadmapException(where + " is missing the en translation of " + field);
        }
        if (blank(text.zh())) {
            throw new RoadmapException(where + " is missing the zh translation of " + field);
        }
    }

    private static <E> E byId(E[] values, Function<E, String> id, String key, String kind) {
        Optional<E> match = Arrays.stream(values).filter(v -> id.apply(v).equals(key)).findFirst();
        return match.orElseThrow(() -> new RoadmapException("unknown " + kind + " '" + key + "'"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
