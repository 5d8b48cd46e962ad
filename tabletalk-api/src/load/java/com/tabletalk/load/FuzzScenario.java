package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code fuzz}: thousands of malformed requests and messages against live sessions that must not change. */
final class FuzzScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        List<String> instances = options.targets();
        String target = instances.get(0);
        try (Rig rig = new Rig(1)) {
            Api api = new Api(rig.rest, target);
            // With two instances, phone B of each session sits on the second, so fuzzing crosses both.
            List<Pair> pairs =
                    Table.setUp(rig, options.integer("sessions", 20), target, instances, instances.size() > 1, 8);
            Table.awaitSettled(pairs, 30);
            // Move each a little so that stale versions exist to replay.
            for (Pair pair : pairs) {
                long version = pair.a.lastVersion;
                pair.a.command("reveal", version);
                for (int i = 0; i < 500 && pair.a.lastVersion <= version; i++) {
                    Thread.sleep(20);
                }
            }
            Table.awaitSettled(pairs, 30);
            Map<String, JsonNode> before = snapshot(api, pairs);
            List<Fuzz.Target> targets = pairs.stream()
                    .map(p -> new Fuzz.Target(
                            p.sessionId,
                            p.a.token,
                            before.get(p.sessionId).path("version").asLong()))
                    .toList();
            int seed = options.integer("seed", 42);
            int requests = options.integer("requests", 5000);
            int sockets = options.integer("sockets", 100);
            List<Fuzz> runs = new ArrayList<>();
            long begin = System.nanoTime();
            for (int i = 0; i < instances.size(); i++) {
                Fuzz fuzz = new Fuzz(instances.get(i), seed + i);
                runs.add(fuzz);
                if (i == 0) {
                    fuzz.rest(targets, requests, 8);
                    fuzz.rawHttp(targets, options.integer("raw-rounds", 10));
                    fuzz.edgeCases(targets, options.integer("raw-rounds", 10));
                    fuzz.webSocket(targets, sockets, 35);
                } else {
                    fuzz.webSocket(targets, Math.max(1, sockets / 5), 35);
                }
            }
            report.put("fuzz time (s)", (System.nanoTime() - begin) / 1e9);
            Thread.sleep(1_000);
            Map<String, JsonNode> after = snapshot(api, pairs);
            long changed = before.keySet().stream()
                    .filter(id -> !before.get(id).equals(after.get(id)))
                    .count();
            Fuzz first = runs.get(0);
            List<String> serverErrors =
                    runs.stream().flatMap(f -> f.serverErrors.stream()).toList();
            int internalErrors =
                    runs.stream().mapToInt(f -> f.wsInternalErrors.get()).sum();
            int errorCloses =
                    runs.stream().mapToInt(f -> f.wsServerErrorCloses.get()).sum();
            int leftOpen = runs.stream().mapToInt(f -> f.abusiveLeftOpen.get()).sum();
            int closed = runs.stream().mapToInt(f -> f.abusiveClosed.get()).sum();
            int abusive = runs.stream().mapToInt(f -> f.abusiveSockets.get()).sum();
            report.put("REST requests", first.restRequests.get());
            report.put("raw HTTP requests", first.rawRequests.get());
            report.put(
                    "WebSocket messages",
                    runs.stream().mapToInt(f -> f.wsMessages.get()).sum());
            report.put("statuses", first.statuses);
            if (!serverErrors.isEmpty()) {
                report.put("server errors", serverErrors);
            }
            report.check(
                    "no 5xx",
                    serverErrors.isEmpty(),
                    serverErrors.size() + " problems (5xx, refused upgrades, internal errors)");
            report.check(
                    "no internal error on a socket",
                    internalErrors == 0 && errorCloses == 0,
                    internalErrors + " internal errors, " + errorCloses + " 1011 closes");
            report.check(
                    "abusive sockets closed",
                    leftOpen == 0 && closed == abusive,
                    closed + " of " + abusive + " closed, " + leftOpen + " left open");
            report.check(
                    "requests answered",
                    first.restRequests.get() > requests * 2 / 3,
                    first.restRequests.get() + " of " + requests);
            report.check("no session changed", changed == 0, changed + " of " + before.size());
            long disconnected =
                    pairs.stream().filter(p -> !p.a.isOpen() || !p.b.isOpen()).count();
            report.check(
                    "the sessions' own phones still connected",
                    disconnected == 0,
                    disconnected + " pairs lost a socket");
            report.check("service still healthy", Instance.health(target) == 200, "");
            pairs.forEach(Pair::close);
        }
    }

    private static Map<String, JsonNode> snapshot(Api api, List<Pair> pairs) {
        Map<String, JsonNode> states = new HashMap<>();
        for (Pair pair : pairs) {
            JsonNode state = api.get("/sessions/" + pair.sessionId).body().deepCopy();
            ((ObjectNode) state).remove("expiresAt");
            states.put(pair.sessionId, state);
        }
        return states;
    }
}
