package org.bookingbatch.care.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bookingbatch.platform.PageParams;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ServiceContractRepository {

	static final int SERVICE_TYPE_LENGTH = 100;

	private final JdbcClient jdbc;

	ServiceContractRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, String serviceType, LocalDate startDate, @Nullable LocalDate finishDate) {
		KeyHolder key = new GeneratedKeyHolder();
		int updated = this.jdbc.sql("""
				INSERT INTO service_contract (client_id, service_type, start_date, finish_date)
				VALUES (:clientId, :serviceType, :startDate, :finishDate)
				""")
			.param("clientId", clientId)
			.param("serviceType", serviceType)
			.param("startDate", startDate)
			.param("finishDate", finishDate)
			.update(key);
		Rows.one(updated, "service_contract");
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	void update(long id, String serviceType, LocalDate startDate, @Nullable LocalDate finishDate) {
		int updated = this.jdbc.sql("""
				UPDATE service_contract SET service_type = :serviceType, start_date = :startDate,
				finish_date = :finishDate WHERE id = :id
				""")
			.param("id", id)
			.param("serviceType", serviceType)
			.param("startDate", startDate)
			.param("finishDate", finishDate)
			.update();
		Rows.one(updated, "service_contract");
	}

	Optional<ServiceContract> find(long id) {
		return this.jdbc.sql("SELECT * FROM service_contract WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/** Reads the contract and locks it for the rest of the transaction. */
	Optional<ServiceContract> lock(long id) {
		return this.jdbc.sql("SELECT * FROM service_contract WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<ServiceContract> findPage(long clientId, PageParams page) {
		return this.jdbc.sql("""
				SELECT * FROM service_contract WHERE client_id = :clientId
				ORDER BY start_date, id LIMIT :limit OFFSET :offset
				""")
			.param("clientId", clientId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
	}

	long count(long clientId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM service_contract WHERE client_id = :clientId")
			.param("clientId", clientId)
			.query(Long.class)
			.single();
	}

	private ServiceContract row(ResultSet rs, int rowNum) throws SQLException {
		return new ServiceContract(rs.getLong("id"), rs.getLong("client_id"), rs.getString("service_type"),
				Rows.requiredDate(rs, "start_date"), Rows.date(rs, "finish_date"));
	}

}
