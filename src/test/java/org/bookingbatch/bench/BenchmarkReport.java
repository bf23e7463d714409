package org.bookingbatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes the benchmark's results as CSV and Markdown under bench/results/, with the
 * machine's description.
 */
final class BenchmarkReport {

	private BenchmarkReport() {
	}

	static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux: leave it unknown
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize() / (1024 * 1024 * 1024);
		return String.format("%d cores (%s), %d GB RAM, %s %s, Java %s, max heap %d MB, embedded MariaDB 11.4",
				Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name"),
				System.getProperty("os.arch"), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	static String markdown(String scale, String machine, Duration generation, BenchmarkRun.@Nullable Result warmUp,
			List<BenchmarkRun.Result> results) {
		StringBuilder md = new StringBuilder();
		md.append("# Booking Batch benchmark: ").append(scale).append(" provider\n\n");
		md.append("- when: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now())).append('\n');
		md.append("- machine: ").append(machine).append('\n');
		md.append("- provider generated in ").append(seconds(generation)).append(" s\n");
		if (warmUp != null) {
			md.append(String
				.format("- warm-up: a batch of the %d days before ran first in the same JVM (%,d entries, pipeline %s s),"
						+ " as on a server that has been running (compiled code, a roster with bookings); it is not in the"
						+ " tables%n", ChronoUnit.DAYS.between(warmUp.from(), warmUp.to()) + 1, warmUp.entries(),
						seconds(warmUp.pipeline())));
		}
		md.append('\n');
		md.append("| batch | phase | wall time (s) | entries | entries/s | peak heap (MB) |\n");
		md.append("|---|---|---:|---:|---:|---:|\n");
		for (BenchmarkRun.Result result : results) {
			for (BenchmarkRun.Phase phase : result.phases()) {
				md.append(String.format("| %s | %s | %s | %,d | %,.0f | %d |%n", result.label(), phase.name(),
						seconds(phase.took()), phase.items(), phase.perSecond(), phase.peakHeapMb()));
			}
		}
		md.append(
				"\n| batch | entries | created | invalid | pipeline (s) | LOAD DATA reference (s) | pipeline / reference |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (BenchmarkRun.Result result : results) {
			md.append(String.format("| %s | %,d | %,d | %,d | %s | %s | %.1fx |%n", result.label(), result.entries(),
					result.created(), result.invalid(), seconds(result.pipeline()), seconds(result.reference()),
					result.ratio()));
		}
		md.append("\n### The API while a batch is creating\n\n");
		md.append("| batch | request | answers | failed | p50 (ms) | p99 (ms) | max (ms) |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|\n");
		for (BenchmarkRun.Result result : results) {
			for (ApiProbe.Latency latency : result.api()) {
				md.append(String.format("| %s | %s | %,d | %d | %.1f | %.1f | %.1f |%n", result.label(),
						latency.request(), latency.answers(), latency.failures(), latency.p50Ms(), latency.p99Ms(),
						latency.maxMs()));
			}
		}
		for (BenchmarkRun.Result result : results) {
			profile(md, result.label() + ", start to VALIDATED", result.phases().get(2).took(), result.reviewProfile());
			profile(md, result.label() + ", confirm to COMPLETED", result.phases().get(5).took(),
					result.createProfile());
		}
		return md.toString();
	}

	/**
	 * Where the time of a part of the pipeline goes: the statement time per statement
	 * shape, heaviest first.
	 */
	private static void profile(StringBuilder md, String part, Duration wall, StatementProfile.Snapshot snapshot) {
		if (snapshot.statements().isEmpty()) {
			return;
		}
		double wallSeconds = wall.toMillis() / 1000.0;
		md.append(String.format("%n### Where the time goes: %s (%.1f s)%n%n", part, wallSeconds));
		md.append(String.format("Database: %.1f s of statement time, from sending each statement to reading its"
				+ " answer, summed over the connections of the partitions that run at once (so it can exceed the"
				+ " wall time); waiting for a lock or for a core counts as the waiting statement's time.%n%n",
				snapshot.seconds()));
		md.append("| statement | calls | time (s) | rows |\n");
		md.append("|---|---:|---:|---:|\n");
		for (StatementProfile.Statement statement : snapshot.statements()) {
			md.append(String.format("| `%s` | %,d | %.1f | %,d |%n", statement.text(), statement.calls(),
					statement.seconds(), statement.rows()));
		}
	}

	static List<String> csv(String scale, String machine, List<BenchmarkRun.Result> results) {
		List<String> lines = new ArrayList<>();
		lines.add("scale,batch,phase,wall_seconds,entries,entries_per_second,peak_heap_mb,machine");
		for (BenchmarkRun.Result result : results) {
			for (BenchmarkRun.Phase phase : result.phases()) {
				lines.add(String.join(",", scale, result.label(), phase.name(), seconds(phase.took()),
						String.valueOf(phase.items()), String.format("%.0f", phase.perSecond()),
						String.valueOf(phase.peakHeapMb()), '"' + machine + '"'));
			}
			lines.add(String.join(",", scale, result.label(), "pipeline", seconds(result.pipeline()),
					String.valueOf(result.entries()), "", "", '"' + machine + '"'));
			lines.add(String.join(",", scale, result.label(), "LOAD DATA reference", seconds(result.reference()),
					String.valueOf(result.entries()), "", "", '"' + machine + '"'));
			for (ApiProbe.Latency latency : result.api()) {
				lines.add(String.join(",", scale, result.label(), "API p99 ms: " + latency.request(),
						String.format("%.1f", latency.p99Ms()), String.valueOf(latency.answers()), "", "",
						'"' + machine + '"'));
			}
		}
		return lines;
	}

	static Path write(String scale, String markdown, List<String> csv) throws IOException {
		Path dir = Path.of("bench", "results");
		Files.createDirectories(dir);
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		Files.writeString(dir.resolve(stamp + "-" + scale + ".md"), markdown);
		Files.write(dir.resolve(stamp + "-" + scale + ".csv"), csv);
		Files.writeString(dir.resolve("latest-" + scale + ".md"), markdown);
		Files.write(dir.resolve("latest-" + scale + ".csv"), csv);
		return dir;
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f", duration.toMillis() / 1000.0);
	}

}
