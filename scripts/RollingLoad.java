import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the rolling-restart check: signs in once through the load balancer, then THREADS threads send
 * authenticated GETs of the course list until the file STOP appears. Every answer other than 200 counts as failed,
 * and so does every request that got no answer (a reset, an empty reply, a timeout). Prints one line of totals.
 *
 * <p>{@code java scripts/RollingLoad.java http://127.0.0.1:8090 THREADS STOP}
 */
public class RollingLoad {
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path stop = Path.of(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = signIn(http, base);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, AtomicLong> why = new ConcurrentHashMap<>();
        HttpRequest courses = HttpRequest.newBuilder(base.resolve("/api/v1/courses"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                while (!Files.exists(stop)) {
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = http.send(courses, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                            why.computeIfAbsent("HTTP " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        why.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }));
        }
        long started = System.nanoTime();
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("requests sent %d, failed %d, in %.0f s (%.0f/s)%s%n", sent.get(), failed.get(), seconds,
                sent.get() / seconds, why.isEmpty() ? "" : " " + why);
    }

    private static String signIn(HttpClient http, URI base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"nb-admin\",\"password\":\"sandbox-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("sign-in through the load balancer answered " + r.statusCode());
        }
        return m.group(1);
    }
}
