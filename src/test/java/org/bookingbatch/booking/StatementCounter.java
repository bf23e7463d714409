package org.bookingbatch.booking;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/**
 * Wraps a data source so that every statement executed through it is counted, with its
 * SQL.
 */
final class StatementCounter {

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, (target, method, args) -> {
			Object result = call(target, method, args);
			return (result instanceof Connection connection) ? connection(connection) : result;
		});
	}

	/** The SQL of the statements executed since the last reset, in order. */
	List<String> executed() {
		return List.copyOf(this.executed);
	}

	void reset() {
		this.executed.clear();
	}

	private Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			Object result = call(target, method, args);
			String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : null;
			if (result instanceof CallableStatement callable) {
				return statement(CallableStatement.class, callable, sql);
			}
			if (result instanceof PreparedStatement prepared) {
				return statement(PreparedStatement.class, prepared, sql);
			}
			if (result instanceof Statement statement) {
				return statement(Statement.class, statement, null);
			}
			return result;
		});
	}

	private <S extends Statement> S statement(Class<S> type, S statement, String preparedSql) {
		return proxy(type, statement, (target, method, args) -> {
			if (method.getName().startsWith("execute")) {
				this.executed.add((preparedSql != null) ? preparedSql : String.valueOf((args != null) ? args[0] : ""));
			}
			return call(target, method, args);
		});
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.invoke(target, method, args);
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, invocation);
	}

	@FunctionalInterface
	private interface Handler<T> {

		Object invoke(T target, Method method, Object[] args) throws Throwable;

	}

}
