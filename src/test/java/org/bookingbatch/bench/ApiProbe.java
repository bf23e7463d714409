package org.bookingbatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While a batch is being created, asks the API for what the admin pages show of it (the
 * batch, the first page of its entries, a later page of one status) over HTTP, as a
 * viewer, and keeps how long each answer took.
 */
final class ApiProbe implements AutoCloseable {

	private static final Duration PAUSE = Duration.ofMillis(100);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString("viewer:viewer".getBytes(StandardCharsets.UTF_8));

	private final Map<String, URI> targets = new LinkedHashMap<>();

	private final Map<String, List<Long>> micros = new LinkedHashMap<>();

	private final Map<String, Integer> failures = new LinkedHashMap<>();

	private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "api-probe");
		thread.setDaemon(true);
		return thread;
	});

	ApiProbe(int port, long batchId) {
		String batch = "http://localhost:" + port + "/api/booking-batches/" + batchId;
		this.targets.put("batch detail", URI.create(batch));
		this.targets.put("entries, first page", URI.create(batch + "/entries"));
		this.targets.put("entries, created, page 20", URI.create(batch + "/entries?status=CREATED&page=20"));
		this.targets.keySet().forEach((name) -> {
			this.micros.put(name, Collections.synchronizedList(new ArrayList<>()));
			this.failures.put(name, 0);
		});
		// a round of requests, then a pause, until closed
		this.rounds.scheduleWithFixedDelay(() -> this.targets.forEach(this::ask), 0, PAUSE.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void ask(String name, URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization", this.authorization)
			.timeout(Duration.ofSeconds(10))
			.build();
		long started = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			long took = (System.nanoTime() - started) / 1000;
			if (response.statusCode() == 200) {
				this.micros.get(name).add(took);
			}
			else {
				this.failures.merge(name, 1, Integer::sum);
			}
		}
		catch (Exception ex) {
			this.failures.merge(name, 1, Integer::sum);
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		this.rounds.shutdown();
		try {
			this.rounds.awaitTermination(15, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The answers' times per request, once the probe is closed. */
	List<Latency> latencies() {
		List<Latency> latencies = new ArrayList<>();
		this.micros.forEach((name, list) -> {
			List<Long> sorted = new ArrayList<>(list);
			Collections.sort(sorted);
			latencies.add(new Latency(name, sorted.size(), this.failures.get(name), percentile(sorted, 50),
					percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0));
		});
		return latencies;
	}

	private static double percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1000.0;
	}

	/**
	 * How one request answered: how many answers (200), how many failed, and their times
	 * in milliseconds.
	 */
	record Latency(String request, int answers, int failures, double p50Ms, double p99Ms, double maxMs) {
	}

}
