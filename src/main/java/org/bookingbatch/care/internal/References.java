package org.bookingbatch.care.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Look-ups of the ids a request body refers to, so that an unknown one becomes a field
 * error listed with the others rather than a foreign-key failure.
 */
@Component
class References {

	private final JdbcClient jdbc;

	References(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<Long> existingTeams(Collection<Long> ids) {
		return existing("team", ids);
	}

	Set<Long> existingCarers(Collection<Long> ids) {
		return existing("carer", ids);
	}

	boolean clientExists(long id) {
		return !existing("client", List.of(id)).isEmpty();
	}

	boolean carerExists(long id) {
		return !existing("carer", List.of(id)).isEmpty();
	}

	Set<Long> teamsOfClient(long clientId) {
		return new HashSet<>(this.jdbc.sql("SELECT team_id FROM client_team WHERE client_id = :clientId")
			.param("clientId", clientId)
			.query(Long.class)
			.list());
	}

	/** The client a service contract belongs to, if the contract exists. */
	Optional<Long> clientOfContract(long contractId) {
		return this.jdbc.sql("SELECT client_id FROM service_contract WHERE id = :id")
			.param("id", contractId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Adds a field error for every team id that is missing or names no team; at least one
	 * is required.
	 * @return the distinct ids in the order given
	 */
	List<Long> checkTeamIds(FieldErrors errors, @Nullable List<@Nullable Long> teamIds) {
		if (teamIds == null || teamIds.isEmpty()) {
			errors.add("teamIds", "must name at least one team");
			return List.of();
		}
		List<Long> given = teamIds.stream().filter((id) -> id != null).distinct().toList();
		Set<Long> existing = existingTeams(given);
		for (int i = 0; i < teamIds.size(); i++) {
			Long id = teamIds.get(i);
			if (id == null) {
				errors.add("teamIds[" + i + "]", "must not be null");
			}
			else if (!existing.contains(id)) {
				errors.add("teamIds[" + i + "]", "team " + id + " does not exist");
			}
		}
		return given;
	}

	private Set<Long> existing(String table, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		// The table name is one of this class's constants, never input.
		return new HashSet<>(this.jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.list());
	}

}
