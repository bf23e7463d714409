package org.bookingbatch.generation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.awaitility.Awaitility.await;

/**
 * The application in a child JVM, against a database the test owns, so that a test can
 * kill it with SIGKILL and start another one.
 */
final class ApplicationProcess implements AutoCloseable {

	private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("admin");

	private final Process process;

	private final int port;

	private final Path log;

	private ApplicationProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application and waits until it answers.
	 * @param jdbcUrl the database to use
	 * @param nodeId the node name; a new process with the same name is the same node
	 * restarted
	 * @param logName the file under target/child-logs that receives the process's output
	 * @param extraArgs further application arguments
	 */
	static ApplicationProcess start(String jdbcUrl, String nodeId, String logName, String... extraArgs) {
		int port = freePort();
		Path log = Path.of("target", "child-logs", logName + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-XX:+UseParallelGC");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("org.bookingbatch.BookingBatchApplication");
		command.add("--server.port=" + port);
		command.add("--spring.datasource.url=" + jdbcUrl);
		command.add("--spring.datasource.username=root");
		command.add("--spring.datasource.password=");
		command.add("--booking.generation.node-id=" + nodeId);
		command.add("--booking.security.users[0].name=admin");
		command.add("--booking.security.users[0].password=" + HASH);
		command.add("--booking.security.users[0].roles[0]=ADMIN");
		command.add("--logging.level.root=WARN");
		command.add("--logging.level.org.bookingbatch=INFO");
		command.addAll(List.of(extraArgs));
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.directory(new File("."))
				.start();
			ApplicationProcess application = new ApplicationProcess(process, port, log);
			TestHttp http = new TestHttp(port);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("the application exited; see " + log);
				}
				try {
					return http.get(null, "/actuator/health").status() == 200;
				}
				catch (IllegalStateException ex) {
					return false;
				}
			});
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	/** SIGKILL: no shutdown hook, no chunk boundary, nothing cleaned up. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGTERM: a graceful shutdown. */
	void terminate() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
