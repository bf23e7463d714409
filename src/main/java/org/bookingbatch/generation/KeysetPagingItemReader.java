package org.bookingbatch.generation;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads rows in pages by their {@code id}, each page the rows after the last one read,
 * and saves the id of the last row it returned: a resumed step continues right after the
 * last row of its last committed chunk, whatever the chunk size was and even when the
 * rows read before no longer match (readers that filter on the status their writer
 * changes).
 * <p>
 * {@code JdbcPagingItemReader} saves the start of the page and skips to the item count
 * within it, which is wrong in both cases; it also sets the page size as the statement's
 * maximum row count, which the driver turns into two more round trips per page
 * ({@code SET sql_select_limit=} the page size, then back to {@code DEFAULT} for the next
 * statement on the connection). The page query carries its own {@code LIMIT}.
 */
class KeysetPagingItemReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

	/** The key {@code JdbcPagingItemReader} used, so that steps it saved still resume. */
	private static final String START_AFTER = "start.after";

	private static final String LAST_ID_PARAMETER = "keysetLastId";

	private final JdbcClient jdbc;

	private final String firstPage;

	private final String nextPage;

	private final Map<String, Object> parameters;

	private final RowMapper<T> rowMapper;

	private final int pageSize;

	private Iterator<Row<T>> page = Collections.emptyIterator();

	private boolean lastPage;

	private @Nullable Long lastId;

	/**
	 * A reader of {@code SELECT select FROM from WHERE where}, in pages of
	 * {@code pageSize} by the column {@code id} of the select list.
	 */
	KeysetPagingItemReader(String name, JdbcClient jdbc, String select, String from, String where,
			Map<String, Object> parameters, int pageSize, RowMapper<T> rowMapper) {
		setName(name);
		this.jdbc = jdbc;
		String query = "SELECT " + select + " FROM " + from + " WHERE (" + where + ")";
		String order = " ORDER BY id LIMIT " + pageSize;
		this.firstPage = query + order;
		this.nextPage = query + " AND id > :" + LAST_ID_PARAMETER + order;
		this.parameters = parameters;
		this.rowMapper = rowMapper;
		this.pageSize = pageSize;
	}

	@Override
	protected @Nullable T doRead() {
		if (!this.page.hasNext() && !this.lastPage) {
			readPage();
		}
		if (!this.page.hasNext()) {
			return null;
		}
		Row<T> row = this.page.next();
		this.lastId = row.id();
		return row.item();
	}

	private void readPage() {
		JdbcClient.StatementSpec page = (this.lastId != null)
				? this.jdbc.sql(this.nextPage).params(this.parameters).param(LAST_ID_PARAMETER, this.lastId)
				: this.jdbc.sql(this.firstPage).params(this.parameters);
		List<Row<T>> rows = page.query((rs, rowNum) -> new Row<>(rs.getLong("id"), this.rowMapper.mapRow(rs, rowNum)))
			.list();
		this.lastPage = rows.size() < this.pageSize;
		this.page = rows.iterator();
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		String key = getExecutionContextKey(START_AFTER);
		if (isSaveState() && executionContext.get(key) instanceof Map<?, ?> startAfter
				&& startAfter.get("id") instanceof Number id) {
			this.lastId = id.longValue();
		}
		super.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) throws ItemStreamException {
		super.update(executionContext);
		if (isSaveState() && this.lastId != null) {
			executionContext.put(getExecutionContextKey(START_AFTER), new LinkedHashMap<>(Map.of("id", this.lastId)));
		}
	}

	/** The position is the saved id: nothing to skip. */
	@Override
	protected void jumpToItem(int itemIndex) {
	}

	@Override
	protected void doOpen() {
	}

	@Override
	protected void doClose() {
		this.page = Collections.emptyIterator();
		this.lastPage = false;
		this.lastId = null;
	}

	private record Row<T>(long id, T item) {
	}

}
