package com.tabletalk.load;

import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.LiveMessages;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code slowreader}: a phone that never reads while its session changes hundreds of times a second; the service must cut it. */
final class SlowReaderScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        String target = options.target();
        Admin admin = options.admins().get(0);
        Duration duration = options.seconds("duration", 20);
        URI uri = URI.create(target);
        try (Rig rig = new Rig(1)) {
            Api api = new Api(rig.rest, target);
            Admin.Sample before = admin.afterGc();
            List<Pair> control =
                    Table.setUp(rig, options.integer("control-pairs", 20), target, List.of(target), false, 8);
            Table.awaitSettled(control, 30);
            Api.Joined a = api.create("slow-reader", "exploring", "dual", Api.randomAddress());
            Api.Joined b = api.join(a.sessionId(), Api.randomAddress());
            Phone reader = new Phone(rig, List.of(target), 0, a.sessionId(), a.participantId(), a.token());
            reader.connect().get(10, TimeUnit.SECONDS);
            RawSocket neverReads = RawSocket.open(
                    uri.getHost(), uri.getPort(), "/api/sessions/" + a.sessionId() + "/live", 4096, null);
            neverReads.sendText(LiveMessages.hello(b.token()));
            Thread.sleep(500);
            Play play = new Play(rig, control, List.of(admin));
            long[] maxHeap = {0};
            AtomicInteger changes = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                long end = System.nanoTime() + duration.toNanos();
                long version = reader.lastVersion;
                boolean ready = true;
                while (System.nanoTime() < end) {
                    ApiClient.Reply reply = api.post(
                            "/sessions/" + a.sessionId() + "/commands",
                            "{\"type\":\"ready\",\"ready\":" + ready + ",\"version\":" + version + "}",
                            a.token(),
                            "10.9.9.9");
                    version = reply.body().has("session")
                            ? reply.body().at("/session/version").asLong()
                            : reply.body().path("version").asLong();
                    if (reply.status() == 200) {
                        changes.incrementAndGet();
                        ready = !ready;
                    } else if (reply.status() != 409) {
                        refused.incrementAndGet();
                    }
                }
            });
            play.run(
                    options.number("control-moves", 10),
                    duration,
                    false,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2),
                    s -> {
                        maxHeap[0] = Math.max(maxHeap[0], admin.sample().heapUsed());
                    });
            flood.get(30, TimeUnit.SECONDS);
            boolean closed = neverReads.awaitClosedByServer(30_000);
            Admin.Sample after = admin.afterGc();
            report.put("changes pushed at the never-reader", changes.get());
            report.put("heap before (after GC), MiB", before.heapUsed() / 1048576.0);
            report.put("heap max during flood, MiB", maxHeap[0] / 1048576.0);
            report.put("heap after (after GC), MiB", after.heapUsed() / 1048576.0);
            report.put("service closed slow sockets (live.closed.slow)", after.slowClosed());
            report.latency("control pairs: phone-to-phone delay during the flood", rig.phoneToPhone);
            report.check(
                    "never-reading socket closed by the service", closed, closed ? "closed" : "still open after 30 s");
            report.limit(
                    "service memory bounded",
                    maxHeap[0] < before.heapMax() * 0.8,
                    String.format("max %.0f MiB of %.0f MiB", maxHeap[0] / 1048576.0, before.heapMax() / 1048576.0));
            report.check("flood commands answered 200 or 409", refused.get() == 0, refused.get() + " other answers");
            // The dropped socket's presence change may still be landing: wait until the reader matches the database.
            long truth =
                    api.get("/sessions/" + a.sessionId()).body().path("version").asLong();
            for (int i = 0; i < 100 && reader.lastVersion != truth; i++) {
                Thread.sleep(200);
                truth = api.get("/sessions/" + a.sessionId())
                        .body()
                        .path("version")
                        .asLong();
            }
            report.check(
                    "the reading phone of that session is up to date",
                    reader.isOpen() && reader.lastVersion == truth,
                    "phone v" + reader.lastVersion + ", database v" + truth);
            Table.Verdict verdict = Table.verify(rig, target, control, 1_000);
            verdict.check(report, true);
            report.check(
                    "control pairs unaffected",
                    rig.count0("step.timeout") == 0 && rig.errorMessages() == 0,
                    rig.count0("step.timeout") + " timeouts, " + rig.errorMessages() + " error messages");
            neverReads.close();
            reader.close();
            control.forEach(Pair::close);
        }
    }
}
