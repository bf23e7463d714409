package org.bookingbatch.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.bookingbatch.platform.DatabaseCleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What each role sees on the admin pages, and that the server refuses what the pages do
 * not offer: sign-in, 403 for forbidden posts and pages, CSRF kept on, and the API's
 * Basic chain unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ZoneId zone;

	long batchId;

	long entryId;

	@BeforeEach
	void setUp() throws Exception {
		DatabaseCleaner.clean(this.jdbcTemplate);
		AdminFixtures fixtures = new AdminFixtures(this.jdbc);
		LocalDate monday = LocalDate.now(this.zone).plusWeeks(2).with(DayOfWeek.MONDAY);
		long team = fixtures.team("North");
		long client = fixtures.client("Alice Cox", team);
		long carer = fixtures.carer("Ann Lee", team);
		fixtures.entry(client, team, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), 30, List.of(carer),
				monday.minusWeeks(1));
		HttpResponse<String> started = api("coordinator", "POST", "/api/booking-batches",
				"{\"from\":\"" + monday + "\",\"to\":\"" + monday + "\"}");
		assertThat(started.statusCode()).isEqualTo(202);
		this.batchId = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
		await().atMost(Duration.ofSeconds(60)).until(() -> status().equals("VALIDATED"));
		this.entryId = this.jdbc.sql("SELECT id FROM batch_entry WHERE batch_id = ?")
			.param(this.batchId)
			.query(Long.class)
			.single();
	}

	@Test
	void pagesNeedSignInAndAWrongPasswordIsRefused() {
		// given
		PageSession session = new PageSession(this.port);

		// when
		PageSession.Page anonymous = session.get("/admin/batches");
		PageSession.Page wrong = session.signIn("coordinator", "nope");

		// then
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
		assertThat(wrong.location()).endsWith("/login?error");
		assertThat(session.get("/login?error").body()).contains("do not match");
	}

	@Test
	void signInLeadsToTheBatchListAndSignOutBackToTheLoginPage() {
		// given
		PageSession session = new PageSession(this.port);

		// when
		PageSession.Page signedIn = session.signIn("coordinator");

		// then
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith("/admin/batches");
		PageSession.Page list = session.get("/admin/batches");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Batch #" + this.batchId, "Ready to review", "id=\"new-batch\"");
		assertThat(session.post("/logout").location()).endsWith("/login?logout");
		assertThat(session.get("/admin/batches").status()).isEqualTo(302);
	}

	@Test
	void viewerReadsButCannotAct() {
		// given
		PageSession viewer = new PageSession(this.port);
		viewer.signIn("viewer");

		// when
		PageSession.Page list = viewer.get("/admin/batches");
		PageSession.Page page = viewer.get("/admin/batches/" + this.batchId);

		// then: nothing to press
		assertThat(list.body()).doesNotContain("id=\"new-batch\"");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Alice Cox", "Ann Lee", "08:00–08:30")
			.doesNotContain("id=\"action-", "name=\"entryId\"", "Change carers", "id=\"auto-resolve\"");
		assertThat(viewer.get("/admin/batches/new").status()).isEqualTo(403);

		// and: forged posts are refused, with a valid CSRF token
		String base = "/admin/batches/" + this.batchId;
		assertThat(viewer.post(base + "/cancel").status()).isEqualTo(403);
		assertThat(viewer.post(base + "/confirm").status()).isEqualTo(403);
		assertThat(viewer.post(base + "/entries/selection", "op", "deselect-all").status()).isEqualTo(403);
		assertThat(viewer.post(base + "/entries/" + this.entryId + "/carers", "carerId", "").status()).isEqualTo(403);
		assertThat(viewer.post("/admin/batches", "from", "2030-01-01", "to", "2030-01-01").status()).isEqualTo(403);
		assertThat(status()).isEqualTo("VALIDATED");
	}

	@Test
	void plannerReviewsButCannotConfirm() {
		// given
		PageSession planner = new PageSession(this.port);
		planner.signIn("planner");

		// when
		PageSession.Page page = planner.get("/admin/batches/" + this.batchId);
		PageSession.Page progress = planner.get("/admin/batches/" + this.batchId + "/progress");

		// then
		assertThat(page.body()).contains("id=\"action-cancel\"", "id=\"action-refresh\"", "id=\"deselect-picked\"")
			.doesNotContain("id=\"action-confirm\"");
		assertThat(progress.body()).contains("\"status\":\"VALIDATED\"").doesNotContain("CONFIRM\"", "CONFIRM,");
		PageSession.Page forged = planner.post("/admin/batches/" + this.batchId + "/confirm");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(status()).isEqualTo("VALIDATED");

		// and: what a planner may do works
		PageSession.Page deselected = planner.post("/admin/batches/" + this.batchId + "/entries/selection", "op",
				"deselect-all", "back", "status=VALID");
		assertThat(deselected.status()).isEqualTo(302);
		assertThat(deselected.location()).endsWith("/admin/batches/" + this.batchId + "?status=VALID#entries");
		assertThat(planner.get("/admin/batches/" + this.batchId + "?status=VALID").body())
			.contains("Deselected 1 entry.", "Not selected");
	}

	@Test
	void coordinatorAndAdminSeeConfirm() {
		for (String user : List.of("coordinator", "admin")) {
			// given
			PageSession session = new PageSession(this.port);
			session.signIn(user);

			// when
			PageSession.Page page = session.get("/admin/batches/" + this.batchId);

			// then
			assertThat(page.body()).as(user).contains("id=\"action-confirm\"", "id=\"action-cancel\"");
		}
	}

	@Test
	void postsWithoutTheCsrfTokenAreRefused() {
		// given
		PageSession coordinator = new PageSession(this.port);
		coordinator.signIn("coordinator");

		// when
		PageSession.Page forged = coordinator.postWithout("/admin/batches/" + this.batchId + "/cancel");

		// then
		assertThat(forged.status()).isEqualTo(403);
		assertThat(status()).isEqualTo("VALIDATED");
	}

	@Test
	void refusedActionIsShownOnThePage() {
		// given: a batch that is already cancelled
		PageSession coordinator = new PageSession(this.port);
		coordinator.signIn("coordinator");
		coordinator.get("/admin/batches/" + this.batchId);
		assertThat(coordinator.post("/admin/batches/" + this.batchId + "/cancel").status()).isEqualTo(302);
		assertThat(coordinator.get("/admin/batches/" + this.batchId).body())
			.contains("Cancelled: the batch is now cancelled.");

		// when: a second cancel arrives from a page that still showed the button
		PageSession.Page again = coordinator.post("/admin/batches/" + this.batchId + "/cancel");

		// then
		assertThat(again.status()).isEqualTo(302);
		assertThat(coordinator.get("/admin/batches/" + this.batchId).body())
			.contains("CANCEL is not available while the batch is CANCELLED", "id=\"action-retry\"");
	}

	@Test
	void unknownBatchIsAPageNotJson() {
		// given
		PageSession viewer = new PageSession(this.port);
		viewer.signIn("viewer");

		// when
		PageSession.Page page = viewer.get("/admin/batches/999999");

		// then
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("<html", "Batch 999999 does not exist");
	}

	@Test
	void apiKeepsBasicAuthenticationWithoutCsrf() throws Exception {
		// when
		HttpResponse<String> anonymous = api(null, "GET", "/api/booking-batches", null);
		HttpResponse<String> viewer = api("viewer", "GET", "/api/booking-batches/" + this.batchId, null);
		HttpResponse<String> plannerConfirm = api("planner", "POST",
				"/api/booking-batches/" + this.batchId + "/confirm", null);

		// then
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
		assertThat(viewer.statusCode()).isEqualTo(200);
		assertThat(plannerConfirm.statusCode()).isEqualTo(403);
	}

	private String status() {
		return this.jdbc.sql("SELECT status FROM booking_batch WHERE id = ?")
			.param(this.batchId)
			.query(String.class)
			.single();
	}

	private HttpResponse<String> api(String user, String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
