package org.bookingbatch.care.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bookingbatch.care.Occurrence;
import org.bookingbatch.care.Recurrence;
import org.bookingbatch.care.demo.DemoDataSummary.CarerClash;
import org.bookingbatch.care.demo.DemoDataSummary.DeliberateProblems;
import org.bookingbatch.care.demo.DemoPlan.Carer;
import org.bookingbatch.care.demo.DemoPlan.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPlannerTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A Wednesday, so that the cycle starts two days before the schedule. */
	private static final LocalDate START = LocalDate.of(2026, 3, 25);

	@Test
	void smallProviderHasTheExpectedSize() {
		// when
		DemoPlan plan = new DemoPlanner(DemoScale.SMALL, 42, START, LONDON).plan();
		// then
		assertThat(plan.teams).extracting(DemoPlan.Team::name).containsExactly("North", "South", "East");
		assertThat(plan.clients).hasSize(120);
		assertThat(plan.carers).hasSize(40);
		assertThat(visitsPerWeek(plan)).isBetween(400.0, 620.0);
		assertThat(plan.entries).filteredOn((entry) -> entry.carersRequired() == 2).isNotEmpty();
		assertThat(plan.entries).filteredOn((entry) -> entry.openSlots() > 0).isNotEmpty();
		assertThat(plan.entries).filteredOn((entry) -> entry.carerIds().size() == entry.carersRequired())
			.hasSizeGreaterThan(plan.entries.size() / 2);
		assertThat(plan.entries).extracting(Entry::cycleWeeks).contains(1, 2);
		assertThat(plan.availability).extracting(DemoPlan.Availability::carerId)
			.containsAll(plan.carers.stream().map(Carer::id).toList());
	}

	@Test
	void namesLookRealAndDiffer() {
		// when
		DemoPlan plan = new DemoPlanner(DemoScale.SMALL, 42, START, LONDON).plan();
		// then
		List<String> names = new ArrayList<>();
		plan.clients.forEach((client) -> names.add(client.name()));
		plan.carers.forEach((carer) -> names.add(carer.name()));
		assertThat(names).doesNotHaveDuplicates().allMatch((name) -> name.matches("[A-Z][a-z]+ [A-Z][a-z]+"));
	}

	@Test
	void everyClientHasAContractAndEveryEntryNamesOneOfTheClients() {
		// when
		DemoPlan plan = new DemoPlanner(DemoScale.SMALL, 42, START, LONDON).plan();
		// then
		Map<Long, Long> contractClient = new HashMap<>();
		plan.contracts.forEach((contract) -> contractClient.put(contract.id(), contract.clientId()));
		assertThat(contractClient.values()).containsAll(plan.clients.stream().map(DemoPlan.Client::id).toList());
		assertThat(plan.entries).allSatisfy((entry) -> {
			assertThat(contractClient.get(entry.contractId())).isEqualTo(entry.clientId());
			assertThat(entry.validFrom()).isEqualTo(START);
			assertThat(entry.cycleStart()).isEqualTo(LocalDate.of(2026, 3, 23));
		});
	}

	@Test
	void aClientNeverHasTwoVisitsAtOnce() {
		// given
		DemoPlan plan = new DemoPlanner(DemoScale.SMALL, 42, START, LONDON).plan();
		// when
		Map<Long, List<Entry>> byClient = new HashMap<>();
		plan.entries
			.forEach((entry) -> byClient.computeIfAbsent(entry.clientId(), (id) -> new ArrayList<>()).add(entry));
		// then
		for (List<Entry> entries : byClient.values()) {
			assertThat(overlappingPairs(entries, START, START.plusWeeks(12))).isEmpty();
		}
	}

	@Test
	void carersWorkOnlyInTheirTeamsWithinTheirHoursAndNeverTwiceAtOnceButForTheDeliberateProblems() {
		// given
		DemoPlan plan = new DemoPlanner(DemoScale.SMALL, 42, START, LONDON).plan();
		Map<Long, Carer> carers = new HashMap<>();
		plan.carers.forEach((carer) -> carers.put(carer.id(), carer));
		Set<Long> outsideTeamEntries = new HashSet<>();
		plan.problems.carersOutsideTeam().forEach((problem) -> outsideTeamEntries.add(problem.scheduleEntryId()));
		// when
		Map<Long, List<Entry>> byCarer = new HashMap<>();
		plan.entries.forEach((entry) -> entry.carerIds()
			.forEach((carerId) -> byCarer.computeIfAbsent(carerId, (id) -> new ArrayList<>()).add(entry)));
		Set<Set<Long>> clashes = new HashSet<>();
		byCarer.values().forEach((entries) -> clashes.addAll(overlappingPairs(entries, START, START.plusWeeks(12))));
		// then
		Set<Set<Long>> deliberate = new HashSet<>();
		for (CarerClash clash : plan.problems.carerClashes()) {
			deliberate.add(Set.of(clash.firstEntryId(), clash.secondEntryId()));
		}
		assertThat(clashes).isEqualTo(deliberate);
		for (Entry entry : plan.entries) {
			for (long carerId : entry.carerIds()) {
				Carer carer = carers.get(carerId);
				assertThat(carer.teamIds().contains(entry.teamId()))
					.isNotEqualTo(outsideTeamEntries.contains(entry.id()));
				for (int day = 1; day <= 7; day++) {
					if ((entry.days() & (1 << (day - 1))) != 0) {
						assertThat(carer.pattern().covers(day, entry.startMinute(), entry.endMinute())).isTrue();
					}
				}
			}
		}
	}

	@Test
	void smallProviderHasAFewOfEachDeliberateProblem() {
		// when
		DemoPlan plan = new DemoPlanner(DemoScale.SMALL, 42, START, LONDON).plan();
		// then
		DeliberateProblems problems = plan.problems;
		assertThat(problems.expiredContracts()).isNotEmpty().allSatisfy((expired) -> {
			DemoPlan.Contract contract = plan.contracts.get((int) expired.serviceContractId() - 1);
			assertThat(contract.clientId()).isEqualTo(expired.clientId());
			assertThat(contract.finishDate()).isBefore(START);
		});
		assertThat(problems.expiredContracts()).hasSizeLessThanOrEqualTo(3);
		assertThat(problems.suspensions()).hasSizeBetween(1, 3);
		assertThat(plan.suspensions).hasSameSizeAs(problems.suspensions()).allSatisfy((suspension) -> {
			assertThat(suspension.startsAt()).isEqualTo(START.plusDays(3).atTime(10, 0).atZone(LONDON).toInstant());
			assertThat(suspension.finishesAt()).isEqualTo(START.plusDays(10).atTime(10, 0).atZone(LONDON).toInstant());
		});
		assertThat(problems.absences()).hasSizeBetween(1, 3);
		DemoPlan.Absence absence = plan.absences.get(0);
		assertThat(plan.entries).filteredOn((entry) -> entry.carerIds().contains(absence.carerId()))
			.flatExtracting(
					(entry) -> Recurrence.occurrences(entry.toScheduleEntry(), START, START.plusDays(7), LONDON))
			.anySatisfy((visit) -> assertThat(((Occurrence) visit).startsAt()).isBetween(absence.startsAt(),
					absence.endsAt()));
		assertThat(problems.carerClashes()).hasSizeBetween(1, 3);
		CarerClash clash = problems.carerClashes().get(0);
		Entry first = plan.entries.get((int) clash.firstEntryId() - 1);
		Entry second = plan.entries.get((int) clash.secondEntryId() - 1);
		assertThat(first.clientId()).isNotEqualTo(second.clientId());
		assertThat(first.carerIds()).contains(clash.carerId());
		assertThat(second.carerIds()).contains(clash.carerId());
		assertThat(problems.carersOutsideTeam()).hasSizeBetween(1, 3);
		assertThat(plan.problemVisitsPerWeek).isPositive();
	}

	@Test
	void sameSeedGivesTheSamePlanAndAnotherSeedAnother() {
		// when
		DemoPlan first = new DemoPlanner(DemoScale.SMALL, 7, START, LONDON).plan();
		DemoPlan second = new DemoPlanner(DemoScale.SMALL, 7, START, LONDON).plan();
		DemoPlan other = new DemoPlanner(DemoScale.SMALL, 8, START, LONDON).plan();
		// then
		assertThat(second.entries).isEqualTo(first.entries);
		assertThat(second.carers).isEqualTo(first.carers);
		assertThat(second.problems).isEqualTo(first.problems);
		assertThat(other.entries).isNotEqualTo(first.entries);
	}

	@Test
	void largeProviderHasAboutTwentyThousandVisitsADayAndTwoPercentProblems() {
		// when
		DemoPlan plan = new DemoPlanner(DemoScale.LARGE, 42, START, LONDON).plan();
		// then
		double perWeek = visitsPerWeek(plan);
		assertThat(plan.teams).hasSize(20);
		assertThat(plan.clients).hasSize(5_000);
		assertThat(plan.carers).hasSize(400);
		assertThat(perWeek / 7).isBetween(18_000.0, 22_000.0);
		assertThat(plan.problemVisitsPerWeek / perWeek).isBetween(0.015, 0.03);
		assertThat(plan.problems.expiredContracts()).hasSizeGreaterThan(5);
		assertThat(plan.problems.suspensions()).hasSizeGreaterThan(5);
		assertThat(plan.problems.absences()).hasSizeGreaterThan(5);
		assertThat(plan.problems.carerClashes()).hasSizeGreaterThan(5);
		assertThat(plan.problems.carersOutsideTeam()).hasSizeGreaterThan(5);
	}

	@Test
	void packageMixFollowsTheWantedVisitsPerClient() {
		// when
		double light = mean(DemoPlanner.packageWeights(4));
		double heavy = mean(DemoPlanner.packageWeights(28));
		// then
		assertThat(light).isCloseTo(4, org.assertj.core.data.Offset.offset(0.01));
		assertThat(heavy).isCloseTo(28, org.assertj.core.data.Offset.offset(0.01));
	}

	private static double mean(double[] weights) {
		DemoPlanner.CarePackage[] packages = DemoPlanner.CarePackage.values();
		double total = 0;
		double visits = 0;
		for (int i = 0; i < packages.length; i++) {
			total += weights[i];
			visits += weights[i] * packages[i].visitsPerWeek;
		}
		return visits / total;
	}

	private static double visitsPerWeek(DemoPlan plan) {
		return plan.entries.stream().mapToDouble(Entry::visitsPerWeek).sum();
	}

	/**
	 * Pairs of entries with visits that overlap on some date, by expanding every date.
	 */
	private static Set<Set<Long>> overlappingPairs(List<Entry> entries, LocalDate from, LocalDate to) {
		record Visit(long entryId, Occurrence occurrence) {
		}
		List<Visit> visits = new ArrayList<>();
		for (Entry entry : entries) {
			Recurrence.forEachOccurrence(entry.toScheduleEntry(), from, to, LONDON,
					(occurrence) -> visits.add(new Visit(entry.id(), occurrence)));
		}
		visits.sort((a, b) -> a.occurrence().startsAt().compareTo(b.occurrence().startsAt()));
		Set<Set<Long>> pairs = new HashSet<>();
		for (int i = 0; i < visits.size(); i++) {
			for (int j = i + 1; j < visits.size()
					&& visits.get(j).occurrence().startsAt().isBefore(visits.get(i).occurrence().endsAt()); j++) {
				pairs.add(Set.of(visits.get(i).entryId(), visits.get(j).entryId()));
			}
		}
		return pairs;
	}

}
