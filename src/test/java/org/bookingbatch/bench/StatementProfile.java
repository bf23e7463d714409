package org.bookingbatch.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Where a phase's time goes in the database: every statement's time from the moment the
 * driver sends it until its answer is read, summed by statement shape, heaviest first.
 * The benchmark installs it as the driver's query interceptor (one instance per
 * connection; the sums are shared). The server's own statement digests cannot serve: they
 * leave out statements prepared on the server, which the application's are.
 */
public final class StatementProfile implements QueryInterceptor {

	private static final Map<String, Shape> SHAPES = new ConcurrentHashMap<>();

	/**
	 * The shapes of the statement texts seen so far (the long ones are worked out again).
	 */
	private static final Map<String, String> SHAPE_OF_TEXT = new ConcurrentHashMap<>();

	private long sentAt;

	/** Forgets what was measured so far. */
	static void reset() {
		SHAPES.clear();
	}

	/**
	 * The statements measured since the last reset, heaviest first, and the time of all
	 * of them.
	 */
	static Snapshot snapshot(int top) {
		List<Statement> all = SHAPES.entrySet()
			.stream()
			.map((shape) -> new Statement(shape.getKey(), shape.getValue().calls.sum(),
					shape.getValue().nanos.sum() / 1e9, shape.getValue().rows.sum()))
			.sorted(Comparator.comparingDouble(Statement::seconds).reversed())
			.toList();
		double seconds = all.stream().mapToDouble(Statement::seconds).sum();
		return new Snapshot(seconds, all.subList(0, Math.min(top, all.size())));
	}

	@Override
	public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
		return this;
	}

	@Override
	public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
		this.sentAt = System.nanoTime();
		return null;
	}

	@Override
	public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
		long took = System.nanoTime() - this.sentAt;
		// a prepared statement's own text, with its placeholders, not its values
		String text = (query instanceof PreparedQuery prepared) ? prepared.getOriginalSql() : sql.get();
		String key = (text.length() <= 32768) ? SHAPE_OF_TEXT.computeIfAbsent(text, StatementProfile::shape)
				: shape(text);
		Shape shape = SHAPES.computeIfAbsent(key, (name) -> new Shape());
		shape.calls.increment();
		shape.nanos.add(took);
		shape.rows.add(rows(result));
		return null;
	}

	@Override
	public boolean executeTopLevelOnly() {
		return true;
	}

	@Override
	public void destroy() {
	}

	/** The statement's start, which tells the statements of the application apart. */
	private static String shape(String sql) {
		String start = (sql.length() > 400) ? sql.substring(0, 400) : sql;
		String text = start.replaceAll("\\s+", " ").replace("`", "").replace("|", "/").trim();
		return (text.length() > 140) ? text.substring(0, 137) + "..." : text;
	}

	private static long rows(Resultset result) {
		if (result == null) {
			return 0;
		}
		if (result.hasRows()) {
			return result.getRows().isDynamic() ? 0 : result.getRows().size();
		}
		return Math.max(result.getUpdateCount(), 0);
	}

	private static final class Shape {

		private final LongAdder calls = new LongAdder();

		private final LongAdder nanos = new LongAdder();

		private final LongAdder rows = new LongAdder();

	}

	/** A statement shape: how often it ran, its time and the rows it wrote or read. */
	record Statement(String text, long calls, double seconds, long rows) {
	}

	/** The statement time of a phase and its heaviest statements. */
	record Snapshot(double seconds, List<Statement> statements) {
	}

}
