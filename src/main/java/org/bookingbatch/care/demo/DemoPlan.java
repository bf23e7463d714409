package org.bookingbatch.care.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bookingbatch.care.ScheduleEntry;
import org.bookingbatch.care.demo.DemoDataSummary.DeliberateProblems;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a generated provider, held in memory between planning and writing. Ids of
 * teams, clients, carers, contracts and entries are assigned here (from 1, the generator
 * writes into an empty care model) so that rows can refer to each other.
 */
final class DemoPlan {

	final List<Team> teams = new ArrayList<>();

	final List<Client> clients = new ArrayList<>();

	final List<Carer> carers = new ArrayList<>();

	final List<Availability> availability = new ArrayList<>();

	final List<Absence> absences = new ArrayList<>();

	final List<Contract> contracts = new ArrayList<>();

	final List<Suspension> suspensions = new ArrayList<>();

	final List<Entry> entries = new ArrayList<>();

	/** Roughly how many visits a week the deliberate problems affect. */
	double problemVisitsPerWeek;

	DeliberateProblems problems = new DeliberateProblems(List.of(), List.of(), List.of(), List.of(), List.of());

	record Team(long id, String name) {
	}

	record Client(long id, String name, long teamId) {
	}

	record Carer(long id, String name, List<Long> teamIds, LocalDate employmentStart, WorkPattern pattern) {
	}

	/** A weekly working window; {@code isoDay} 1 = Monday .. 7 = Sunday. */
	record Availability(long carerId, int isoDay, LocalTime start, LocalTime end) {
	}

	record Absence(long carerId, Instant startsAt, Instant endsAt, String reason) {
	}

	record Contract(long id, long clientId, String serviceType, LocalDate startDate, @Nullable LocalDate finishDate) {
	}

	record Suspension(long clientId, Instant startsAt, Instant finishesAt, String reason) {
	}

	/**
	 * A schedule entry; {@code days} and {@code weeks} are the stored bit sets, and the
	 * allocated carers grow while carers are allocated.
	 */
	record Entry(long id, long clientId, long teamId, int days, LocalTime startTime, int durationMinutes,
			int cycleWeeks, LocalDate cycleStart, int weeks, int carersRequired, long contractId, LocalDate validFrom,
			List<Long> carerIds) {

		int startMinute() {
			return this.startTime.getHour() * 60 + this.startTime.getMinute();
		}

		int endMinute() {
			return startMinute() + this.durationMinutes;
		}

		boolean runsInCycleWeek(int week) {
			return (this.weeks & (1 << (week - 1))) != 0;
		}

		/** Visits a week, averaged over the cycle. */
		double visitsPerWeek() {
			return Integer.bitCount(this.days) * (double) Integer.bitCount(this.weeks) / this.cycleWeeks;
		}

		int openSlots() {
			return this.carersRequired - this.carerIds.size();
		}

		ScheduleEntry toScheduleEntry() {
			Set<DayOfWeek> daysOfWeek = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day : DayOfWeek.values()) {
				if ((this.days & (1 << (day.getValue() - 1))) != 0) {
					daysOfWeek.add(day);
				}
			}
			Set<Integer> cycleWeeksRun = new TreeSet<>();
			for (int week = 1; week <= this.cycleWeeks; week++) {
				if (runsInCycleWeek(week)) {
					cycleWeeksRun.add(week);
				}
			}
			return new ScheduleEntry(this.id, this.clientId, this.teamId, daysOfWeek, this.startTime,
					this.durationMinutes, this.cycleWeeks, this.cycleStart, cycleWeeksRun, this.carersRequired,
					List.copyOf(this.carerIds), this.contractId, this.validFrom, null, 0);
		}

	}

}
