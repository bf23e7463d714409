package org.bookingbatch.care.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.bookingbatch.care.Occurrence;
import org.bookingbatch.care.Recurrence;
import org.bookingbatch.care.ScheduleEntry;
import org.bookingbatch.care.demo.DemoDataSummary.CarerClash;
import org.bookingbatch.care.demo.DemoDataSummary.CarerOutsideTeam;
import org.bookingbatch.care.demo.DemoDataSummary.ExpiredContract;
import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest
class DemoDataIntegrationTests {

	/** A Thursday. */
	private static final LocalDate START = LocalDate.of(2026, 10, 22);

	// Rows whose ids the database hands out are compared without them: ids are never
	// reused within a test run.
	private static final List<String> TABLES = List.of("SELECT id, name FROM team ORDER BY id",
			"SELECT id, name, active, has_address FROM client ORDER BY id",
			"SELECT client_id, team_id FROM client_team ORDER BY client_id, team_id",
			"SELECT id, name, active, has_address, employment_start, employment_finish FROM carer ORDER BY id",
			"SELECT carer_id, team_id FROM carer_team ORDER BY carer_id, team_id",
			"SELECT carer_id, day_of_week, start_time, end_time FROM carer_availability ORDER BY 1, 2, 3, 4",
			"SELECT carer_id, starts_at, ends_at, reason FROM carer_absence ORDER BY 1, 2, 3, 4",
			"SELECT id, client_id, service_type, start_date, finish_date FROM service_contract ORDER BY id",
			"SELECT client_id, starts_at, finishes_at, reason FROM suspension ORDER BY 1, 2, 3, 4", """
					SELECT id, client_id, team_id, days_of_week, start_time, duration_minutes, cycle_weeks, cycle_start,
					weeks, carers_required, service_contract_id, valid_from, valid_to FROM schedule_entry ORDER BY id
					""", "SELECT schedule_entry_id, slot, carer_id FROM schedule_entry_carer ORDER BY 1, 2");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ZoneId zone;

	@BeforeEach
	@AfterEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void sameSeedWritesTheSameRows() {
		// given
		this.generator.generate(DemoScale.SMALL, 7, START);
		String first = digest();
		clean();
		// when
		this.generator.generate(DemoScale.SMALL, 7, START);
		String second = digest();
		clean();
		this.generator.generate(DemoScale.SMALL, 8, START);
		String otherSeed = digest();
		// then
		assertThat(second).isEqualTo(first);
		assertThat(otherSeed).isNotEqualTo(first);
	}

	@Test
	void smallProviderHasTheExpectedRows() {
		// when
		DemoDataSummary summary = this.generator.generate(DemoScale.SMALL, 42, START);
		// then
		assertThat(this.jdbc.queryForList("SELECT name FROM team ORDER BY id", String.class)).containsExactly("North",
				"South", "East");
		assertThat(count("client")).isEqualTo(120);
		assertThat(count("carer")).isEqualTo(40);
		assertThat(count("client_team")).isEqualTo(120);
		assertThat(count("schedule_entry")).isEqualTo(summary.scheduleEntries()).isBetween(100, 400);
		assertThat(summary.visitsPerWeek()).isBetween(400L, 620L);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT client_id) FROM service_contract", Integer.class))
			.isEqualTo(120);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT carer_id) FROM carer_availability", Integer.class))
			.isEqualTo(40);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM schedule_entry WHERE carers_required = 2",
				Integer.class))
			.isEqualTo(summary.doubleHandedEntries())
			.isPositive();
		assertThat(this.jdbc.queryForObject("""
				SELECT COALESCE(SUM(e.carers_required - (SELECT COUNT(*) FROM schedule_entry_carer c
					WHERE c.schedule_entry_id = e.id)), 0) FROM schedule_entry e
				""", Integer.class)).isEqualTo(summary.openSlots()).isPositive();
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM schedule_entry WHERE valid_from <> ? OR valid_to IS NOT NULL OR cycle_start <> ?
				""", Integer.class, START, LocalDate.of(2026, 10, 19))).isZero();
	}

	@Test
	void noCarerHasOverlappingVisitsButTheDeliberateClash() {
		// given
		DemoDataSummary summary = this.generator.generate(DemoScale.SMALL, 42, START);
		Map<Long, ScheduleEntry> entries = readEntries();
		// when
		Map<Long, List<ScheduleEntry>> byCarer = new HashMap<>();
		for (ScheduleEntry entry : entries.values()) {
			for (long carerId : entry.carerIds()) {
				byCarer.computeIfAbsent(carerId, (id) -> new ArrayList<>()).add(entry);
			}
		}
		Set<Set<Long>> clashes = new HashSet<>();
		for (List<ScheduleEntry> carerEntries : byCarer.values()) {
			clashes.addAll(overlappingPairs(carerEntries, START, START.plusWeeks(12)));
		}
		// then
		Set<Set<Long>> deliberate = new HashSet<>();
		for (CarerClash clash : summary.problems().carerClashes()) {
			deliberate.add(Set.of(clash.firstEntryId(), clash.secondEntryId()));
		}
		assertThat(clashes).isNotEmpty().isEqualTo(deliberate);
	}

	@Test
	void everyDeliberateProblemIsInTheDatabase() {
		// given
		DemoDataSummary summary = this.generator.generate(DemoScale.SMALL, 42, START);
		Map<Long, ScheduleEntry> entries = readEntries();
		DemoDataSummary.DeliberateProblems problems = summary.problems();
		// then: an expired contract, which the client's entries name
		assertThat(problems.expiredContracts()).isNotEmpty();
		for (ExpiredContract expired : problems.expiredContracts()) {
			LocalDate finish = this.jdbc.queryForObject(
					"SELECT finish_date FROM service_contract WHERE id = ? AND client_id = ?", LocalDate.class,
					expired.serviceContractId(), expired.clientId());
			assertThat(finish).isBefore(START).isEqualTo(expired.finishDate());
			assertThat(this.jdbc.queryForObject("""
					SELECT COUNT(*) FROM service_contract
					WHERE client_id = ? AND (finish_date IS NULL OR finish_date >= ?)
					""", Integer.class, expired.clientId(), START)).isZero();
		}
		// a week in hospital from a few days after the start, while visits are due
		assertThat(problems.suspensions()).isNotEmpty().allSatisfy((suspension) -> {
			Instant startsAt = this.jdbc
				.queryForObject("SELECT starts_at FROM suspension WHERE client_id = ?", LocalDateTime.class,
						suspension.clientId())
				.toInstant(ZoneOffset.UTC);
			assertThat(startsAt).isEqualTo(START.plusDays(3).atTime(10, 0).atZone(this.zone).toInstant());
			assertThat(visits(entries, (entry) -> entry.clientId() == suspension.clientId(), suspension.from(),
					suspension.to()))
				.isNotEmpty();
		});
		// an absence over some of the carer's visits
		assertThat(problems.absences()).isNotEmpty().allSatisfy((absence) -> {
			Map<String, Object> row = this.jdbc
				.queryForMap("SELECT starts_at, ends_at FROM carer_absence WHERE carer_id = ?", absence.carerId());
			Instant from = ((LocalDateTime) row.get("starts_at")).toInstant(ZoneOffset.UTC);
			Instant to = ((LocalDateTime) row.get("ends_at")).toInstant(ZoneOffset.UTC);
			assertThat(visits(entries, (entry) -> entry.carerIds().contains(absence.carerId()), absence.from(),
					absence.to()))
				.anySatisfy(
						(visit) -> assertThat(visit.startsAt().isBefore(to) && from.isBefore(visit.endsAt())).isTrue());
		});
		// one carer on two overlapping entries of different clients
		assertThat(problems.carerClashes()).isNotEmpty().allSatisfy((clash) -> {
			ScheduleEntry first = entries.get(clash.firstEntryId());
			ScheduleEntry second = entries.get(clash.secondEntryId());
			assertThat(first.clientId()).isNotEqualTo(second.clientId());
			assertThat(first.carerIds()).contains(clash.carerId());
			assertThat(second.carerIds()).contains(clash.carerId());
			assertThat(overlappingPairs(List.of(first, second), START, START.plusWeeks(1))).isNotEmpty();
		});
		// a carer on an entry of a team they are not in
		assertThat(problems.carersOutsideTeam()).isNotEmpty();
		for (CarerOutsideTeam outside : problems.carersOutsideTeam()) {
			assertThat(entries.get(outside.scheduleEntryId()).carerIds()).contains(outside.carerId());
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM carer_team WHERE carer_id = ? AND team_id = ?",
					Integer.class, outside.carerId(), outside.teamId()))
				.isZero();
		}
	}

	@Test
	void generatorRefusesACareModelThatHoldsData() {
		// given
		this.jdbc.update("INSERT INTO team (name) VALUES ('Existing')");
		// when / then
		assertThatIllegalStateException().isThrownBy(() -> this.generator.generate(DemoScale.SMALL, 42, START));
	}

	@Test
	void loaderLoadsFromTodayInTheProvidersZone() {
		// given
		DemoDataLoader loader = loader(true);
		// when
		Optional<DemoDataSummary> loaded = loader.load();
		// then
		assertThat(loaded).hasValueSatisfying((summary) -> {
			assertThat(summary.startDate()).isEqualTo(LocalDate.of(2026, 3, 29));
			assertThat(summary.clients()).isEqualTo(120);
		});
		assertThat(count("client")).isEqualTo(120);
		assertThat(count("setup_marker")).isOne();
	}

	@Test
	void markerKeepsTablesThatWereEmptiedEmpty() {
		// given
		this.jdbc.update("INSERT INTO setup_marker (name, done_at) VALUES ('demo-data', NOW(6))");
		// when
		Optional<DemoDataSummary> loaded = loader(true).load();
		// then
		assertThat(loaded).isEmpty();
		assertThat(count("client")).isZero();
	}

	@Test
	void secondLoadSeesTheMarker() {
		// given
		DemoDataLoader loader = loader(true);
		loader.load();
		String loaded = digest();
		// when
		Optional<DemoDataSummary> second = loader.load();
		// then
		assertThat(second).isEmpty();
		assertThat(digest()).isEqualTo(loaded);
		assertThat(this.jdbc.queryForList("SELECT name FROM setup_marker", String.class)).containsExactly("demo-data");
	}

	@Test
	void loaderLeavesACareModelWithDataAlone() {
		// given
		this.jdbc.update("INSERT INTO team (name) VALUES ('Existing')");
		// when
		Optional<DemoDataSummary> loaded = loader(true).load();
		// then
		assertThat(loaded).isEmpty();
		assertThat(count("team")).isOne();
		assertThat(count("setup_marker")).isOne();
	}

	@Test
	void loaderDoesNothingWithAnotherDatabase() {
		// when
		Optional<DemoDataSummary> loaded = loader(false).load();
		// then
		assertThat(loaded).isEmpty();
		assertThat(count("team")).isZero();
		assertThat(count("setup_marker")).isZero();
	}

	@Test
	void largeProviderLoads() {
		// when
		long started = System.nanoTime();
		DemoDataSummary summary = this.generator.generate(DemoScale.LARGE, 42, START);
		long millis = (System.nanoTime() - started) / 1_000_000;
		// then
		System.out.printf("Large demo data: %,d schedule entries, about %,d visits a day, generated in %,d ms%n",
				summary.scheduleEntries(), summary.visitsPerWeek() / 7, millis);
		assertThat(count("client")).isEqualTo(5_000);
		assertThat(count("carer")).isEqualTo(400);
		assertThat(count("schedule_entry")).isEqualTo(summary.scheduleEntries());
		assertThat(summary.visitsPerWeek() / 7).isBetween(18_000L, 22_000L);
	}

	private DemoDataLoader loader(boolean embeddedDatabase) {
		// 23:30 UTC on 28 March is already 29 March in a zone east of UTC
		Clock clock = Clock.fixed(Instant.parse("2026-03-28T23:30:00Z"), ZoneOffset.UTC);
		return new DemoDataLoader(this.generator, this.jdbc, new TransactionTemplate(this.transactionManager), clock,
				ZoneId.of("Europe/Berlin"), new DemoDataProperties(true, 42, "small", null, null, null),
				embeddedDatabase);
	}

	private int count(String table) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
		return (count != null) ? count : 0;
	}

	private String digest() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String query : TABLES) {
				this.jdbc.query(query, (row) -> {
					int columns = row.getMetaData().getColumnCount();
					for (int column = 1; column <= columns; column++) {
						digest.update(String.valueOf(row.getString(column)).getBytes(StandardCharsets.UTF_8));
						digest.update((byte) 0);
					}
				});
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<Long, ScheduleEntry> readEntries() {
		Map<Long, List<Long>> carers = new HashMap<>();
		this.jdbc.query("SELECT schedule_entry_id, carer_id FROM schedule_entry_carer ORDER BY schedule_entry_id, slot",
				(row) -> {
					carers.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>()).add(row.getLong(2));
				});
		Map<Long, ScheduleEntry> entries = new HashMap<>();
		this.jdbc.query("SELECT * FROM schedule_entry", (row) -> {
			long id = row.getLong("id");
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day : DayOfWeek.values()) {
				if ((row.getInt("days_of_week") & (1 << (day.getValue() - 1))) != 0) {
					days.add(day);
				}
			}
			Set<Integer> weeks = new TreeSet<>();
			for (int week = 1; week <= 4; week++) {
				if ((row.getInt("weeks") & (1 << (week - 1))) != 0) {
					weeks.add(week);
				}
			}
			entries.put(id,
					new ScheduleEntry(id, row.getLong("client_id"), row.getLong("team_id"), days,
							row.getObject("start_time", LocalTime.class), row.getInt("duration_minutes"),
							row.getInt("cycle_weeks"), row.getObject("cycle_start", LocalDate.class), weeks,
							row.getInt("carers_required"), carers.getOrDefault(id, List.of()),
							row.getLong("service_contract_id"), row.getObject("valid_from", LocalDate.class), null, 0));
		});
		return entries;
	}

	private List<Occurrence> visits(Map<Long, ScheduleEntry> entries, Predicate<ScheduleEntry> which, LocalDate from,
			LocalDate to) {
		List<Occurrence> visits = new ArrayList<>();
		entries.values()
			.stream()
			.filter(which)
			.forEach((entry) -> visits.addAll(Recurrence.occurrences(entry, from, to, this.zone)));
		return visits;
	}

	/** Pairs of entries with visits that overlap on some date, expanding every date. */
	private Set<Set<Long>> overlappingPairs(List<ScheduleEntry> entries, LocalDate from, LocalDate to) {
		record Visit(long entryId, Occurrence occurrence) {
		}
		List<Visit> visits = new ArrayList<>();
		for (ScheduleEntry entry : entries) {
			Recurrence.forEachOccurrence(entry, from, to, this.zone,
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
