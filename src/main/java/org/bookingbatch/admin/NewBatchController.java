package org.bookingbatch.admin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.bookingbatch.generation.BatchOrigin;
import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.BatchService;
import org.bookingbatch.generation.BookingBatch;
import org.bookingbatch.generation.BookingBatchStatus;
import org.bookingbatch.platform.FieldError;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.ProblemException;

/**
 * Starting a batch: the range and teams, the preview chart that follows them, and the
 * panel naming the batches that block a refused start.
 */
@Controller
class NewBatchController {

	private final BatchService service;

	private final BatchQueries queries;

	private final AdminFormats formats;

	private final Clock clock;

	NewBatchController(BatchService service, BatchQueries queries, AdminFormats formats, Clock clock) {
		this.service = service;
		this.queries = queries;
		this.formats = formats;
		this.clock = clock;
	}

	@GetMapping("/admin/batches/new")
	String form(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable List<Long> teamIds,
			@RequestParam(required = false) @Nullable String name, Model model) {
		NewBatchForm form;
		if (from == null && to == null) {
			// Most batches cover the coming week, so that is what the page starts with.
			LocalDate monday = LocalDate.now(this.clock.withZone(this.formats.zone()))
				.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			form = new NewBatchForm(monday.toString(), monday.plusDays(6).toString(), list(teamIds), name);
		}
		else {
			form = new NewBatchForm(from, to, list(teamIds), name);
		}
		preview(form, model);
		return page(form, model);
	}

	/** The chart alone, for the page to swap in as the range and teams change. */
	@GetMapping("/admin/batches/new/preview")
	String preview(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable List<Long> teamIds, Model model) {
		preview(new NewBatchForm(from, to, list(teamIds), null), model);
		return "admin/new-batch :: preview";
	}

	@PostMapping("/admin/batches")
	String start(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable List<Long> teamIds,
			@RequestParam(required = false) @Nullable String name, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		NewBatchForm form = new NewBatchForm(from, to, list(teamIds), name);
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate fromDate = parse("from", from, errors);
			LocalDate toDate = parse("to", to, errors);
			if (!errors.isEmpty()) {
				throw invalid(errors);
			}
			BookingBatch batch = this.service.start(fromDate, toDate, form.teamIds(), blankToNull(name), false,
					BatchOrigin.ADMIN, authentication.getName());
			redirect.addFlashAttribute("notice", "Batch started. It builds and validates its entries in the"
					+ " background; this page follows its progress.");
			return "redirect:/admin/batches/" + batch.id();
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			model.addAttribute("errors", errors(ex));
		}
		catch (ProblemException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("refusal", ex.getMessage());
			model.addAttribute("blockingBatches", blocking(ex));
		}
		preview(form, model);
		return page(form, model);
	}

	private String page(NewBatchForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("teams", this.queries.teams());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "admin/new-batch";
	}

	private void preview(NewBatchForm form, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate from = parse("from", form.from(), errors);
		LocalDate to = parse("to", form.to(), errors);
		if (errors.isEmpty()) {
			try {
				model.addAttribute("preview",
						PreviewChart.of(this.service.preview(from, to, form.teamIds()), this.formats));
			}
			catch (InvalidRequestException ex) {
				errors.putAll(errors(ex));
			}
		}
		model.addAttribute("previewErrors", errors);
	}

	private static @Nullable LocalDate parse(String field, @Nullable String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "Enter a date");
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter a date as yyyy-mm-dd");
			return null;
		}
	}

	private static InvalidRequestException invalid(Map<String, String> errors) {
		List<FieldError> fieldErrors = new ArrayList<>();
		errors.forEach((field, message) -> fieldErrors.add(new FieldError(field, message)));
		return new InvalidRequestException(fieldErrors);
	}

	/** Field errors by form field; "teamIds[2]" belongs to the team picker. */
	private static Map<String, String> errors(InvalidRequestException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : ex.errors()) {
			String field = error.field().replaceAll("\\[\\d+]$", "");
			String message = error.message();
			if (message != null && !message.isEmpty() && !message.startsWith("Enter")) {
				message = Character.toUpperCase(message.charAt(0)) + message.substring(1);
			}
			errors.merge(field, String.valueOf(message), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	private static List<BlockingBatch> blocking(ProblemException ex) {
		List<BlockingBatch> blocking = new ArrayList<>();
		if (ex.properties().get("blockingBatches") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					String status = String.valueOf(map.get("status"));
					blocking.add(new BlockingBatch(((Number) map.get("id")).longValue(),
							String.valueOf(map.get("name")), BookingBatchStatus.valueOf(status).label()));
				}
			}
		}
		return blocking;
	}

	private static List<Long> list(@Nullable List<Long> teamIds) {
		return (teamIds != null) ? teamIds.stream().distinct().toList() : List.of();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** What the user entered, kept when the page comes back with errors. */
	record NewBatchForm(@Nullable String from, @Nullable String to, List<Long> teamIds, @Nullable String name) {

		public boolean hasTeam(long teamId) {
			return this.teamIds.contains(teamId);
		}

	}

	/** A batch that blocks the start, with a link to it on the page. */
	record BlockingBatch(long id, String name, String statusLabel) {
	}

}
