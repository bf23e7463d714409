package org.bookingbatch.care.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.bookingbatch.care.Recurrence;
import org.bookingbatch.care.ScheduleEntry;
import org.bookingbatch.care.demo.DemoDataSummary.CarerClash;
import org.bookingbatch.care.demo.DemoDataSummary.CarerOutsideTeam;
import org.bookingbatch.care.demo.DemoDataSummary.DeliberateProblems;
import org.bookingbatch.care.demo.DemoDataSummary.ExpiredContract;
import org.bookingbatch.care.demo.DemoPlan.Availability;
import org.bookingbatch.care.demo.DemoPlan.Carer;
import org.bookingbatch.care.demo.DemoPlan.Client;
import org.bookingbatch.care.demo.DemoPlan.Contract;
import org.bookingbatch.care.demo.DemoPlan.Entry;
import org.bookingbatch.care.demo.DemoPlan.Team;
import org.jspecify.annotations.Nullable;

/**
 * Plans a synthetic provider in memory: teams, carers with weekly working patterns,
 * clients with care packages turned into schedule entries, carers allocated without
 * clashes, and the deliberate problems. Everything random comes from one {@link Random}
 * seeded by the caller and is drawn in a fixed order, so that a seed always gives the
 * same provider.
 */
final class DemoPlanner {

	/** The share of weekly visits that the deliberate problems should affect. */
	private static final double PROBLEM_SHARE = 0.02;

	/** The five kinds of deliberate problem share the problem visits evenly. */
	private static final int PROBLEM_KINDS = 5;

	/** Entries whose carers have not been rostered yet. */
	private static final double UNROSTERED_ENTRY = 0.03;

	/** Double-handed entries still looking for their second carer. */
	private static final double OPEN_SECOND_SLOT = 0.15;

	private static final double DOUBLE_HANDED_CLIENT = 0.2;

	private static final double SECOND_TEAM = 0.12;

	private static final int WEEKDAYS = 0b0011111;

	private static final int WEEKEND = 0b1100000;

	private final DemoScale scale;

	private final Random random;

	private final LocalDate startDate;

	private final LocalDate cycleStart;

	private final ZoneId zone;

	private final DemoPlan plan = new DemoPlan();

	private final DemoNames names;

	private final List<List<Carer>> carersByTeam = new ArrayList<>();

	private final List<List<Client>> clientsByTeam = new ArrayList<>();

	private final List<Diary> carerDiaries = new ArrayList<>();

	private final List<List<Entry>> entriesByClient = new ArrayList<>();

	private final List<Map<String, Long>> contractsByClient = new ArrayList<>();

	private final Set<Long> problemClients = new HashSet<>();

	private final Set<Long> problemCarers = new HashSet<>();

	DemoPlanner(DemoScale scale, long seed, LocalDate startDate, ZoneId zone) {
		this.scale = scale;
		this.random = new Random(seed);
		this.startDate = startDate;
		this.cycleStart = startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		this.zone = zone;
		this.names = new DemoNames(this.random);
	}

	DemoPlan plan() {
		createTeams();
		createCarers();
		createClients();
		double perKind = Math.max(1, weeklyVisits() * PROBLEM_SHARE / PROBLEM_KINDS);
		// while every carer is still free, so that the carer from another team is the
		// entry's only problem
		List<CarerOutsideTeam> outsideTeam = carersOutsideTeam(perKind);
		allocateCarers();
		List<CarerClash> clashes = carerClashes(perKind);
		List<DemoDataSummary.Absence> absences = absences(perKind);
		List<ExpiredContract> expired = expiredContracts(perKind);
		List<DemoDataSummary.Suspension> suspensions = suspensions(perKind);
		this.plan.problems = new DeliberateProblems(expired, suspensions, absences, clashes, outsideTeam);
		return this.plan;
	}

	private double weeklyVisits() {
		return this.plan.entries.stream().mapToDouble(Entry::visitsPerWeek).sum();
	}

	private void createTeams() {
		for (int i = 0; i < this.scale.teams(); i++) {
			this.plan.teams.add(new Team(i + 1, DemoNames.team(i)));
			this.carersByTeam.add(new ArrayList<>());
			this.clientsByTeam.add(new ArrayList<>());
		}
	}

	private void createCarers() {
		for (int i = 0; i < this.scale.carers(); i++) {
			long id = i + 1;
			int team = i % this.scale.teams();
			List<Long> teamIds = new ArrayList<>(List.of(team + 1L));
			if (this.scale.teams() > 1 && this.random.nextDouble() < SECOND_TEAM) {
				// carers near a boundary cover the neighbouring team too
				teamIds.add((team + 1L) % this.scale.teams() + 1);
			}
			WorkPattern pattern = pick(WorkPattern.values(), (p) -> p.weight);
			LocalDate employed = this.startDate.minusDays(30 + this.random.nextInt(3000));
			Carer carer = new Carer(id, this.names.nextPerson(), List.copyOf(teamIds), employed, pattern);
			this.plan.carers.add(carer);
			for (long teamId : teamIds) {
				this.carersByTeam.get((int) teamId - 1).add(carer);
			}
			for (int day : pattern.isoDays) {
				for (int[] window : pattern.windows) {
					this.plan.availability.add(new Availability(id, day, time(window[0]), time(window[1])));
				}
			}
			this.carerDiaries.add(new Diary());
		}
	}

	private void createClients() {
		double[] weights = packageWeights(this.scale.visitsPerClientWeek() - CarePackage.ADD_ON_VISITS_PER_WEEK);
		CarePackage[] packages = CarePackage.values();
		for (int i = 0; i < this.scale.clients(); i++) {
			long id = i + 1;
			long teamId = i % this.scale.teams() + 1;
			Client client = new Client(id, this.names.nextPerson(), teamId);
			this.plan.clients.add(client);
			this.clientsByTeam.get((int) teamId - 1).add(client);
			this.entriesByClient.add(new ArrayList<>());
			this.contractsByClient.add(new LinkedHashMap<>());
			CarePackage carePackage = packages[pickIndex(weights)];
			boolean doubleHanded = carePackage.dailyCalls > 0 && this.random.nextDouble() < DOUBLE_HANDED_CLIENT;
			Set<Band> bands = new HashSet<>();
			addPackage(client, carePackage, doubleHanded, bands);
			addOptionalVisits(client, bands);
		}
	}

	private void addPackage(Client client, CarePackage carePackage, boolean doubleHanded, Set<Band> bands) {
		String service = carePackage.serviceType;
		switch (carePackage) {
			case FIVE_CALLS, FOUR_CALLS, THREE_CALLS, TWO_CALLS, DAILY_MORNING -> {
				for (Band band : Band.dailyCalls(carePackage.dailyCalls)) {
					int start = band.pickStart(this.random);
					int duration = band.pickDuration(this.random);
					int carers = (doubleHanded && (band == Band.MORNING || band == Band.BED)) ? 2 : 1;
					// weekend visits often come a little later, so they are entries of
					// their own (and carers on weekend patterns can take them)
					int weekendStart = Math.min(start + 15 * this.random.nextInt(3), band.latest);
					addEntry(client, service, WEEKDAYS, start, duration, 1, 1, carers);
					addEntry(client, service, WEEKEND, weekendStart, duration, 1, 1, carers);
					bands.add(band);
				}
			}
			case WEEKDAY_MORNINGS -> {
				addEntry(client, service, WEEKDAYS, Band.MORNING.pickStart(this.random),
						Band.MORNING.pickDuration(this.random), 1, 1, 1);
				bands.add(Band.MORNING);
			}
			case THREE_MORNINGS -> {
				addEntry(client, service, 0b0010101, Band.MORNING.pickStart(this.random),
						Band.MORNING.pickDuration(this.random), 1, 1, 1);
				bands.add(Band.MORNING);
			}
			case WEEKLY_DOMESTIC -> {
				addEntry(client, service, 1 << this.random.nextInt(5), Band.DOMESTIC.pickStart(this.random),
						Band.DOMESTIC.pickDuration(this.random), 1, 1, 1);
				bands.add(Band.DOMESTIC);
			}
			case FORTNIGHTLY_DOMESTIC -> {
				addCycled(client, service, Band.DOMESTIC, 2, 5);
				bands.add(Band.DOMESTIC);
			}
			case THREE_WEEKLY_SITTING -> {
				addCycled(client, service, Band.SITTING, 3, 7);
				bands.add(Band.SITTING);
			}
			case FOUR_WEEKLY_RESPITE -> {
				addCycled(client, service, Band.SITTING, 4, 7);
				bands.add(Band.SITTING);
			}
		}
	}

	/** Occasional visits on top of the package, in a band the client has free. */
	private void addOptionalVisits(Client client, Set<Band> bands) {
		double draw = this.random.nextDouble();
		if (draw < CarePackage.FORTNIGHTLY_DOMESTIC_ADD_ON && !bands.contains(Band.DOMESTIC)) {
			addCycled(client, CarePackage.FORTNIGHTLY_DOMESTIC.serviceType, Band.DOMESTIC, 2, 5);
		}
		else if (draw >= CarePackage.FORTNIGHTLY_DOMESTIC_ADD_ON
				&& draw < CarePackage.FORTNIGHTLY_DOMESTIC_ADD_ON + CarePackage.SITTING_ADD_ON
				&& !bands.contains(Band.SITTING)) {
			boolean threeWeekly = this.random.nextBoolean();
			CarePackage kind = threeWeekly ? CarePackage.THREE_WEEKLY_SITTING : CarePackage.FOUR_WEEKLY_RESPITE;
			addCycled(client, kind.serviceType, Band.SITTING, threeWeekly ? 3 : 4, 7);
		}
	}

	/** One visit on one day in one week of a longer cycle. */
	private void addCycled(Client client, String service, Band band, int cycleWeeks, int dayRange) {
		int day = this.random.nextInt(dayRange);
		int week = 1 + this.random.nextInt(cycleWeeks);
		addEntry(client, service, 1 << day, band.pickStart(this.random), band.pickDuration(this.random), cycleWeeks,
				week, 1);
	}

	private Entry addEntry(Client client, String service, int days, int startMinute, int duration, int cycleWeeks,
			int week, int carersRequired) {
		Entry entry = new Entry(this.plan.entries.size() + 1L, client.id(), client.teamId(), days, time(startMinute),
				duration, cycleWeeks, this.cycleStart, 1 << (week - 1), carersRequired, contract(client, service),
				this.startDate, new ArrayList<>());
		this.plan.entries.add(entry);
		this.entriesByClient.get((int) client.id() - 1).add(entry);
		return entry;
	}

	private long contract(Client client, String service) {
		return this.contractsByClient.get((int) client.id() - 1).computeIfAbsent(service, (type) -> {
			Contract contract = new Contract(this.plan.contracts.size() + 1L, client.id(), type, this.startDate, null);
			this.plan.contracts.add(contract);
			return contract.id();
		});
	}

	/**
	 * Allocates carers in order of start time, the greedy order that packs intervals into
	 * the fewest carers, trying first the carers who already visit the client (continuity
	 * of care) and then the team's carers in turn, so that work is spread.
	 */
	private void allocateCarers() {
		int[] cursor = new int[this.scale.teams()];
		Map<Long, List<Carer>> regulars = new HashMap<>();
		List<Entry> byStart = new ArrayList<>(this.plan.entries);
		byStart.sort(Comparator.comparingInt(Entry::startMinute).thenComparingLong(Entry::id));
		for (Entry entry : byStart) {
			if (this.random.nextDouble() < UNROSTERED_ENTRY) {
				continue;
			}
			int wanted = entry.carersRequired();
			if (wanted > 1 && this.random.nextDouble() < OPEN_SECOND_SLOT) {
				wanted--;
			}
			List<Carer> clientRegulars = regulars.computeIfAbsent(entry.clientId(), (id) -> new ArrayList<>());
			for (Carer carer : clientRegulars) {
				if (entry.carerIds().size() < wanted) {
					tryAllocate(entry, carer);
				}
			}
			int teamIndex = (int) entry.teamId() - 1;
			List<Carer> team = this.carersByTeam.get(teamIndex);
			for (int i = 0; i < team.size() && entry.carerIds().size() < wanted; i++) {
				Carer carer = team.get((cursor[teamIndex] + i) % team.size());
				if (tryAllocate(entry, carer)) {
					clientRegulars.add(carer);
					cursor[teamIndex] = (cursor[teamIndex] + i + 1) % team.size();
				}
			}
		}
	}

	private boolean tryAllocate(Entry entry, Carer carer) {
		Diary diary = this.carerDiaries.get((int) carer.id() - 1);
		if (entry.carerIds().contains(carer.id()) || !covers(carer, entry) || !diary.isFree(entry)) {
			return false;
		}
		entry.carerIds().add(carer.id());
		diary.book(entry);
		return true;
	}

	private static boolean covers(Carer carer, Entry entry) {
		for (int day = 0; day < 7; day++) {
			if ((entry.days() & (1 << day)) != 0
					&& !carer.pattern().covers(day + 1, entry.startMinute(), entry.endMinute())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A carer allocated to a second, overlapping entry of another client: the new entry
	 * starts a quarter of an hour into one of the carer's weekly visits.
	 */
	private List<CarerClash> carerClashes(double perKind) {
		List<CarerClash> clashes = new ArrayList<>();
		double affected = 0;
		for (Entry first : shuffled(this.plan.entries)) {
			if (affected >= perKind) {
				break;
			}
			if (first.cycleWeeks() != 1 || first.carersRequired() != 1 || first.carerIds().size() != 1
					|| first.startMinute() + 45 > 24 * 60 || this.problemClients.contains(first.clientId())
					|| this.problemCarers.contains(first.carerIds().get(0))) {
				continue;
			}
			Client other = clientFreeFor(first);
			if (other == null) {
				continue;
			}
			long carerId = first.carerIds().get(0);
			String service = this.contractsByClient.get((int) other.id() - 1).keySet().iterator().next();
			Entry second = addEntry(other, service, first.days(), first.startMinute() + 15, 30, 1, 1, 1);
			second.carerIds().add(carerId);
			clashes.add(new CarerClash(carerId, first.id(), second.id()));
			this.problemClients.add(first.clientId());
			this.problemClients.add(other.id());
			this.problemCarers.add(carerId);
			affected += 2 * first.visitsPerWeek();
			this.plan.problemVisitsPerWeek += 2 * first.visitsPerWeek();
		}
		return clashes;
	}

	/**
	 * Another client of the same team with no visit of their own at the clashing time.
	 */
	private @Nullable Client clientFreeFor(Entry first) {
		Entry probe = new Entry(0, 0, first.teamId(), first.days(), time(first.startMinute() + 15), 30, 1,
				this.cycleStart, 1, 1, 0, this.startDate, List.of());
		for (Client client : shuffled(this.clientsByTeam.get((int) first.teamId() - 1))) {
			if (client.id() == first.clientId() || this.problemClients.contains(client.id())) {
				continue;
			}
			Diary visits = new Diary();
			this.entriesByClient.get((int) client.id() - 1).forEach(visits::book);
			if (visits.isFree(probe)) {
				return client;
			}
		}
		return null;
	}

	/** A carer from another team put into an entry, at a time they are free. */
	private List<CarerOutsideTeam> carersOutsideTeam(double perKind) {
		List<CarerOutsideTeam> outside = new ArrayList<>();
		if (this.scale.teams() < 2) {
			return outside;
		}
		double affected = 0;
		for (Entry entry : shuffled(this.plan.entries)) {
			if (affected >= perKind) {
				break;
			}
			if (this.problemClients.contains(entry.clientId())) {
				continue;
			}
			for (Carer carer : shuffled(this.plan.carers)) {
				if (!carer.teamIds().contains(entry.teamId()) && !this.problemCarers.contains(carer.id())
						&& tryAllocate(entry, carer)) {
					outside.add(new CarerOutsideTeam(carer.id(), entry.id(), entry.teamId()));
					this.problemClients.add(entry.clientId());
					this.problemCarers.add(carer.id());
					affected += entry.visitsPerWeek();
					this.plan.problemVisitsPerWeek += entry.visitsPerWeek();
					break;
				}
			}
		}
		return outside;
	}

	/** Carers absent for three days from two days after the start, while allocated. */
	private List<DemoDataSummary.Absence> absences(double perKind) {
		LocalDate from = this.startDate.plusDays(2);
		LocalDate to = from.plusDays(2);
		Map<Long, List<Entry>> entriesByCarer = new LinkedHashMap<>();
		for (Entry entry : this.plan.entries) {
			for (long carerId : entry.carerIds()) {
				entriesByCarer.computeIfAbsent(carerId, (id) -> new ArrayList<>()).add(entry);
			}
		}
		List<DemoDataSummary.Absence> absences = new ArrayList<>();
		double affected = 0;
		String[] reasons = { "Annual leave", "Sickness", "Training course" };
		for (Carer carer : shuffled(this.plan.carers)) {
			if (affected >= perKind) {
				break;
			}
			if (this.problemCarers.contains(carer.id())) {
				continue;
			}
			int visits = 0;
			for (Entry entry : entriesByCarer.getOrDefault(carer.id(), List.of())) {
				ScheduleEntry scheduleEntry = entry.toScheduleEntry();
				for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
					visits += Recurrence.occursOn(scheduleEntry, date) ? 1 : 0;
				}
			}
			if (visits == 0) {
				continue;
			}
			this.plan.absences.add(new DemoPlan.Absence(carer.id(), startOfDay(from), startOfDay(to.plusDays(1)),
					reasons[this.random.nextInt(reasons.length)]));
			absences.add(new DemoDataSummary.Absence(carer.id(), from, to));
			this.problemCarers.add(carer.id());
			affected += visits;
			this.plan.problemVisitsPerWeek += visits;
		}
		return absences;
	}

	/** Clients whose contracts all finished before the start date. */
	private List<ExpiredContract> expiredContracts(double perKind) {
		List<ExpiredContract> expired = new ArrayList<>();
		double affected = 0;
		for (Client client : shuffled(this.plan.clients)) {
			if (affected >= perKind) {
				break;
			}
			double visits = clientVisitsPerWeek(client);
			if (visits < 2 || this.problemClients.contains(client.id())) {
				continue;
			}
			LocalDate finish = this.startDate.minusDays(1 + this.random.nextInt(28));
			for (long contractId : this.contractsByClient.get((int) client.id() - 1).values()) {
				Contract contract = this.plan.contracts.get((int) contractId - 1);
				this.plan.contracts.set((int) contractId - 1, new Contract(contractId, client.id(),
						contract.serviceType(), this.startDate.minusYears(1), finish));
				expired.add(new ExpiredContract(client.id(), contractId, finish));
			}
			this.problemClients.add(client.id());
			affected += visits;
			this.plan.problemVisitsPerWeek += visits;
		}
		return expired;
	}

	/** Clients in hospital for a week from three days after the start. */
	private List<DemoDataSummary.Suspension> suspensions(double perKind) {
		LocalDate from = this.startDate.plusDays(3);
		LocalDate to = from.plusDays(7);
		List<DemoDataSummary.Suspension> suspensions = new ArrayList<>();
		double affected = 0;
		for (Client client : shuffled(this.plan.clients)) {
			if (affected >= perKind) {
				break;
			}
			double visits = clientVisitsPerWeek(client);
			if (visits < 5 || this.problemClients.contains(client.id())) {
				continue;
			}
			LocalTime admitted = LocalTime.of(10, 0);
			this.plan.suspensions
				.add(new DemoPlan.Suspension(client.id(), Recurrence.startsAt(from, admitted, this.zone),
						Recurrence.startsAt(to, admitted, this.zone), "Hospital stay"));
			suspensions.add(new DemoDataSummary.Suspension(client.id(), from, to));
			this.problemClients.add(client.id());
			affected += visits;
			this.plan.problemVisitsPerWeek += visits;
		}
		return suspensions;
	}

	private double clientVisitsPerWeek(Client client) {
		return this.entriesByClient.get((int) client.id() - 1).stream().mapToDouble(Entry::visitsPerWeek).sum();
	}

	private Instant startOfDay(LocalDate date) {
		return date.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Weights for the care packages whose mean is the wanted visits a week: each
	 * package's base weight tilted by {@code exp(lambda * visits)}, with lambda found by
	 * bisection. One formula serves a light community provider and a heavy one.
	 */
	static double[] packageWeights(double visitsPerWeek) {
		CarePackage[] packages = CarePackage.values();
		double low = -20;
		double high = 20;
		double[] weights = new double[packages.length];
		for (int iteration = 0; iteration < 100; iteration++) {
			double lambda = (low + high) / 2;
			double total = 0;
			double mean = 0;
			for (int i = 0; i < packages.length; i++) {
				weights[i] = packages[i].baseWeight * Math.exp(lambda * packages[i].visitsPerWeek);
				total += weights[i];
				mean += weights[i] * packages[i].visitsPerWeek;
			}
			if (mean / total < visitsPerWeek) {
				low = lambda;
			}
			else {
				high = lambda;
			}
		}
		return weights;
	}

	private int pickIndex(double[] weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double draw = this.random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private <T> T pick(T[] values, ToDoubleFunction<T> weight) {
		double[] weights = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			weights[i] = weight.applyAsDouble(values[i]);
		}
		return values[pickIndex(weights)];
	}

	private <T> List<T> shuffled(List<T> values) {
		List<T> copy = new ArrayList<>(values);
		Collections.shuffle(copy, this.random);
		return copy;
	}

	private static LocalTime time(int minuteOfDay) {
		return LocalTime.of(minuteOfDay / 60 % 24, minuteOfDay % 60);
	}

	/**
	 * The parts of the day visits fall in, as ranges of start times on a quarter-hour
	 * grid with their usual lengths. No visit of one band overlaps a visit of another, so
	 * a client never has two visits at once.
	 */
	enum Band {

		MORNING(7, 0, 9, 45, 30, 45, 60), DOMESTIC(10, 45, 11, 15, 45, 60), LUNCH(12, 15, 13, 15, 30, 45),
		SITTING(14, 0, 15, 0, 60, 90), TEA(16, 30, 17, 30, 30), BED(19, 30, 21, 30, 30, 45),
		NIGHT(23, 0, 23, 30, 30, 45, 60);

		final int earliest;

		final int latest;

		final int[] durations;

		Band(int earliestHour, int earliestMinute, int latestHour, int latestMinute, int... durations) {
			this.earliest = earliestHour * 60 + earliestMinute;
			this.latest = latestHour * 60 + latestMinute;
			this.durations = durations;
		}

		int pickStart(Random random) {
			return this.earliest + 15 * random.nextInt((this.latest - this.earliest) / 15 + 1);
		}

		int pickDuration(Random random) {
			return this.durations[random.nextInt(this.durations.length)];
		}

		static List<Band> dailyCalls(int calls) {
			return switch (calls) {
				case 5 -> List.of(MORNING, LUNCH, TEA, BED, NIGHT);
				case 4 -> List.of(MORNING, LUNCH, TEA, BED);
				case 3 -> List.of(MORNING, LUNCH, BED);
				case 2 -> List.of(MORNING, BED);
				default -> List.of(MORNING);
			};
		}

	}

	/**
	 * The care packages a client can have, with their visits a week and how common they
	 * are before the mix is tilted towards the scale's visits per client.
	 */
	enum CarePackage {

		FIVE_CALLS(5, 35, 0.5, "Personal care"), FOUR_CALLS(4, 28, 2, "Personal care"),
		THREE_CALLS(3, 21, 2, "Personal care"), TWO_CALLS(2, 14, 3, "Personal care"),
		DAILY_MORNING(1, 7, 3, "Personal care"), WEEKDAY_MORNINGS(0, 5, 3, "Personal care"),
		THREE_MORNINGS(0, 3, 2, "Medication support"), WEEKLY_DOMESTIC(0, 1, 2, "Domestic support"),
		FORTNIGHTLY_DOMESTIC(0, 0.5, 1, "Domestic support"), THREE_WEEKLY_SITTING(0, 1.0 / 3, 0.5, "Sitting service"),
		FOUR_WEEKLY_RESPITE(0, 0.25, 0.5, "Respite care");

		static final double FORTNIGHTLY_DOMESTIC_ADD_ON = 0.10;

		static final double SITTING_ADD_ON = 0.10;

		/** Roughly what the optional visits add to every client's week. */
		static final double ADD_ON_VISITS_PER_WEEK = FORTNIGHTLY_DOMESTIC_ADD_ON * 0.5
				+ SITTING_ADD_ON * (1.0 / 3 + 0.25) / 2;

		final int dailyCalls;

		final double visitsPerWeek;

		final double baseWeight;

		final String serviceType;

		CarePackage(int dailyCalls, double visitsPerWeek, double baseWeight, String serviceType) {
			this.dailyCalls = dailyCalls;
			this.visitsPerWeek = visitsPerWeek;
			this.baseWeight = baseWeight;
			this.serviceType = serviceType;
		}

	}

}
