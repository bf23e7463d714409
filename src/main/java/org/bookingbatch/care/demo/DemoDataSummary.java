package org.bookingbatch.care.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * What a demo data generation wrote.
 *
 * @param scale the scale's name
 * @param seed the seed the data was generated from
 * @param startDate the date schedule entries and contracts start on
 * @param teams the number of teams
 * @param clients the number of clients
 * @param carers the number of carers
 * @param scheduleEntries the number of schedule entries
 * @param doubleHandedEntries the entries that need two carers
 * @param openSlots carer slots of entries left unallocated
 * @param visitsPerWeek the visits a week of the schedule holds, averaged over the longest
 * cycle
 * @param problemVisitsPerWeek the visits a week that the deliberate problems affect,
 * roughly
 * @param problems the deliberate problems, so that a batch shows invalid entries
 */
public record DemoDataSummary(String scale, long seed, LocalDate startDate, int teams, int clients, int carers,
		int scheduleEntries, int doubleHandedEntries, int openSlots, long visitsPerWeek, long problemVisitsPerWeek,
		DeliberateProblems problems) {

	/**
	 * The problems placed in the data on purpose, each one leading to a validation issue.
	 *
	 * @param expiredContracts clients whose only service contract finished before the
	 * start date (NO_SERVICE_CONTRACT)
	 * @param suspensions clients in hospital for a week from a few days after the start
	 * date (CLIENT_SUSPENDED)
	 * @param absences carers absent for a few days while allocated to visits
	 * (CARER_UNAVAILABLE)
	 * @param carerClashes a carer allocated to two overlapping entries of different
	 * clients (CARER_CLASH on both)
	 * @param carersOutsideTeam a carer allocated to an entry of a team they are not in
	 * (CARER_NOT_IN_TEAM)
	 */
	public record DeliberateProblems(List<ExpiredContract> expiredContracts, List<Suspension> suspensions,
			List<Absence> absences, List<CarerClash> carerClashes, List<CarerOutsideTeam> carersOutsideTeam) {

		public DeliberateProblems {
			expiredContracts = List.copyOf(expiredContracts);
			suspensions = List.copyOf(suspensions);
			absences = List.copyOf(absences);
			carerClashes = List.copyOf(carerClashes);
			carersOutsideTeam = List.copyOf(carersOutsideTeam);
		}

	}

	/** A client whose service contract has expired. */
	public record ExpiredContract(long clientId, long serviceContractId, LocalDate finishDate) {
	}

	/** A client suspended from {@code from} for a week. */
	public record Suspension(long clientId, LocalDate from, LocalDate to) {
	}

	/** A carer absent from the start of {@code from} to the end of {@code to}. */
	public record Absence(long carerId, LocalDate from, LocalDate to) {
	}

	/** One carer allocated to two schedule entries that overlap. */
	public record CarerClash(long carerId, long firstEntryId, long secondEntryId) {
	}

	/** A carer allocated to an entry of a team they are not in. */
	public record CarerOutsideTeam(long carerId, long scheduleEntryId, long teamId) {
	}

}
