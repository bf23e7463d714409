package org.bookingbatch.care;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bookingbatch.care.CareModelChanged.What;
import org.bookingbatch.platform.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bookingbatch.care.CareApi.json;
import static org.bookingbatch.care.CareApi.with;

/**
 * Every change to the care model publishes {@link CareModelChanged} inside its
 * transaction, naming what it affects; a refused change publishes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareModelChangedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordedEvents events;

	CareApi api;

	CareFixtures given;

	Refusals refusals;

	long team;

	long client;

	long carer;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new CareApi("http://localhost:" + this.port, "admin", "admin");
		this.given = new CareFixtures(this.api);
		this.refusals = new Refusals(this.jdbc);
		this.team = this.given.team("North");
		this.client = this.given.client("Bob Cox", this.team);
		this.carer = this.given.carer("Ann Lee", this.team);
		this.events.clear();
	}

	@Test
	void creatingATeamPublishesItsChange() {
		// when
		long team = this.api.post("/api/teams", json("name", "South")).id();
		// then
		assertThat(this.events.single()).isEqualTo(new CareModelChanged(What.TEAM, team, Set.of(), Set.of(), Set.of()));
	}

	@Test
	void creatingAndUpdatingAClientNamesTheClient() {
		// when
		long client = this.api.post("/api/clients", json("name", "Eve", "teamIds", List.of(this.team))).id();
		CareModelChanged created = this.events.single();
		this.api.put("/api/clients/" + client, json("name", "Eva", "teamIds", List.of(this.team)));
		CareModelChanged updated = this.events.single();
		// then
		assertThat(created).isEqualTo(new CareModelChanged(What.CLIENT, client, Set.of(client), Set.of(), Set.of()));
		assertThat(updated).isEqualTo(created);
	}

	@Test
	void creatingAndUpdatingACarerNamesTheCarer() {
		// when
		long carer = this.api.post("/api/carers", json("name", "Ian", "teamIds", List.of(this.team))).id();
		CareModelChanged created = this.events.single();
		this.api.put("/api/carers/" + carer, json("name", "Ian", "teamIds", List.of(this.team), "active", false));
		CareModelChanged updated = this.events.single();
		// then
		assertThat(created).isEqualTo(new CareModelChanged(What.CARER, carer, Set.of(), Set.of(carer), Set.of()));
		assertThat(updated).isEqualTo(created);
	}

	@Test
	void availabilityChangesNameTheCarer() {
		// when
		long window = this.given.availability(this.carer);
		CareModelChanged created = this.events.single();
		this.api.delete("/api/carer-availability/" + window);
		CareModelChanged deleted = this.events.single();
		// then
		CareModelChanged expected = new CareModelChanged(What.CARER_AVAILABILITY, window, Set.of(), Set.of(this.carer),
				Set.of());
		assertThat(created).isEqualTo(expected);
		assertThat(deleted).isEqualTo(expected);
	}

	@Test
	void absenceChangesNameTheCarer() {
		// when
		long absence = this.given.absence(this.carer);
		CareModelChanged created = this.events.single();
		this.api.delete("/api/carer-absences/" + absence);
		CareModelChanged deleted = this.events.single();
		// then
		CareModelChanged expected = new CareModelChanged(What.CARER_ABSENCE, absence, Set.of(), Set.of(this.carer),
				Set.of());
		assertThat(created).isEqualTo(expected);
		assertThat(deleted).isEqualTo(expected);
	}

	@Test
	void contractChangesNameTheClient() {
		// when
		long contract = this.given.contract(this.client);
		CareModelChanged created = this.events.single();
		this.api.put("/api/service-contracts/" + contract,
				json("serviceType", "Respite", "startDate", "2026-04-01", "finishDate", "2026-05-01"));
		CareModelChanged updated = this.events.single();
		// then
		CareModelChanged expected = new CareModelChanged(What.SERVICE_CONTRACT, contract, Set.of(this.client), Set.of(),
				Set.of());
		assertThat(created).isEqualTo(expected);
		assertThat(updated).isEqualTo(expected);
	}

	@Test
	void suspensionChangesNameTheClient() {
		// when
		long suspension = this.given.suspension(this.client);
		CareModelChanged created = this.events.single();
		this.api.put("/api/suspensions/" + suspension,
				json("startsAt", "2026-04-20T09:00:00Z", "finishesAt", "2026-04-22T09:00:00Z", "reason", "Hospital"));
		CareModelChanged updated = this.events.single();
		// then
		CareModelChanged expected = new CareModelChanged(What.SUSPENSION, suspension, Set.of(this.client), Set.of(),
				Set.of());
		assertThat(created).isEqualTo(expected);
		assertThat(updated).isEqualTo(expected);
	}

	@Test
	void creatingAScheduleEntryNamesItsClientCarersAndItself() {
		// when
		long entry = this.given
			.entry(with(CareFixtures.entryBody(this.client, this.team), "carerIds", List.of(this.carer)));
		// then
		assertThat(this.events.single()).isEqualTo(new CareModelChanged(What.SCHEDULE_ENTRY, entry, Set.of(this.client),
				Set.of(this.carer), Set.of(entry)));
	}

	@Test
	void updatingAScheduleEntryNamesItsOldAndNewClientAndCarers() {
		// given
		long otherClient = this.given.client("Eve Hart", this.team);
		long otherCarer = this.given.carer("Ian Ross", this.team);
		long entry = this.given
			.entry(with(CareFixtures.entryBody(this.client, this.team), "carerIds", List.of(this.carer)));
		this.events.clear();
		// when
		this.api.put("/api/schedule-entries/" + entry,
				with(CareFixtures.entryBody(otherClient, this.team), "carerIds", List.of(otherCarer)));
		// then
		assertThat(this.events.single()).isEqualTo(new CareModelChanged(What.SCHEDULE_ENTRY, entry,
				Set.of(this.client, otherClient), Set.of(this.carer, otherCarer), Set.of(entry)));
	}

	@Test
	void refusedChangesPublishNothingAndWriteNothing() {
		// given
		long contract = this.given.contract(this.client);
		long suspension = this.given.suspension(this.client);
		long entry = this.given.entry(CareFixtures.entryBody(this.client, this.team));
		this.events.clear();
		Map<String, Object> badEntry = with(CareFixtures.entryBody(this.client, this.team), "durationMinutes", 0);
		// when
		this.refusals.fieldErrors(() -> this.api.post("/api/teams", json("name", "")));
		this.refusals.fieldErrors(() -> this.api.post("/api/clients", json("name", "Eve", "teamIds", List.of(99))));
		this.refusals.fieldErrors(() -> this.api.put("/api/clients/" + this.client, json("name", "")));
		this.refusals.fieldErrors(() -> this.api.post("/api/carers", json("name", "Ian")));
		this.refusals.fieldErrors(() -> this.api.put("/api/carers/" + this.carer, json("teamIds", List.of())));
		this.refusals.fieldErrors(() -> this.api.post("/api/carers/" + this.carer + "/availability",
				json("dayOfWeek", "MONDAY", "startTime", "10:00", "endTime", "09:00")));
		this.refusals.fieldErrors(() -> this.api.post("/api/carers/" + this.carer + "/absences", json()));
		this.refusals.fieldErrors(
				() -> this.api.post("/api/clients/" + this.client + "/service-contracts", json("serviceType", "")));
		this.refusals.fieldErrors(() -> this.api.put("/api/service-contracts/" + contract, json()));
		this.refusals.fieldErrors(() -> this.api.post("/api/clients/" + this.client + "/suspensions", json()));
		this.refusals.fieldErrors(() -> this.api.put("/api/suspensions/" + suspension, json()));
		this.refusals.fieldErrors(() -> this.api.post("/api/schedule-entries", badEntry));
		this.refusals.fieldErrors(() -> this.api.put("/api/schedule-entries/" + entry, badEntry));
		this.refusals.refused(404, () -> this.api.delete("/api/carer-availability/999"));
		this.refusals.refused(404, () -> this.api.put("/api/schedule-entries/999", badEntry));
		this.refusals.refused(409, () -> this.api.put("/api/schedule-entries/" + entry,
				with(CareFixtures.entryBody(this.client, this.team), "version", 7)));
		// then
		assertThat(this.events.published).isEmpty();
		assertThat(this.events.beforeCommit).isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EventRecording {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

	/**
	 * Records each event twice: as published, with whether a read-write transaction was
	 * active, and as seen by a before-commit listener, which only hears events published
	 * inside a transaction that goes on to commit.
	 */
	static class RecordedEvents {

		final List<CareModelChanged> published = new CopyOnWriteArrayList<>();

		final List<Boolean> publishedInTransaction = new CopyOnWriteArrayList<>();

		final List<CareModelChanged> beforeCommit = new CopyOnWriteArrayList<>();

		@EventListener
		void onPublished(CareModelChanged event) {
			this.published.add(event);
			this.publishedInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive()
					&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
		}

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
		void beforeCommit(CareModelChanged event) {
			this.beforeCommit.add(event);
		}

		/**
		 * The one event of the last change, published in its transaction; then forgets
		 * it.
		 */
		CareModelChanged single() {
			assertThat(this.published).hasSize(1);
			assertThat(this.publishedInTransaction).containsExactly(true);
			assertThat(this.beforeCommit).isEqualTo(this.published);
			CareModelChanged event = this.published.get(0);
			clear();
			return event;
		}

		void clear() {
			this.published.clear();
			this.publishedInTransaction.clear();
			this.beforeCommit.clear();
		}

	}

}
