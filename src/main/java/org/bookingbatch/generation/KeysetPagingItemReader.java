package org.bookingbatch.generation;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.support.MySqlPagingQueryProvider;
import org.springframework.jdbc.core.RowMapper;

/**
 * A paging reader that resumes after its saved sort key values alone.
 * {@link JdbcPagingItemReader} also turns the saved item count into a page number and an
 * offset within that page, and skips that many rows: wrong when the rows read before no
 * longer match (readers that filter on the status their writer changes) or when the page
 * size changed (a node restarted with another chunk size). This reader always continues
 * right after the last row of the last committed chunk.
 */
class KeysetPagingItemReader<T> extends JdbcPagingItemReader<T> {

	private int pageSize;

	KeysetPagingItemReader(String name, DataSource dataSource, String select, String from, String where,
			Map<String, Order> sortKeys, Map<String, Object> parameters, int pageSize, RowMapper<T> rowMapper)
			throws Exception {
		super(dataSource, queryProvider(select, from, where, sortKeys));
		setName(name);
		setParameterValues(parameters);
		setPageSize(pageSize);
		setRowMapper(rowMapper);
		afterPropertiesSet();
	}

	private static MySqlPagingQueryProvider queryProvider(String select, String from, String where,
			Map<String, Order> sortKeys) {
		MySqlPagingQueryProvider provider = new MySqlPagingQueryProvider();
		provider.setSelectClause(select);
		provider.setFromClause(from);
		provider.setWhereClause(where);
		provider.setSortKeys(sortKeys);
		return provider;
	}

	@Override
	public void setPageSize(int pageSize) {
		super.setPageSize(pageSize);
		this.pageSize = pageSize;
	}

	/**
	 * Positions at the start of the page after the restored sort key values, never within
	 * a page.
	 */
	@Override
	protected void jumpToItem(int itemIndex) throws Exception {
		super.jumpToItem((itemIndex > 0) ? this.pageSize : 0);
	}

}
