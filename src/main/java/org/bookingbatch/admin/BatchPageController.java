package org.bookingbatch.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.generation.BatchAction;
import org.bookingbatch.generation.BatchCounts;
import org.bookingbatch.generation.BatchEntry;
import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.BatchService;
import org.bookingbatch.generation.BookingBatch;
import org.bookingbatch.generation.BookingBatchStatus;
import org.bookingbatch.generation.EntryStatus;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.PageParams;
import org.bookingbatch.platform.PageResponse;
import org.bookingbatch.platform.ProblemException;

/**
 * A batch's page: status, the actions the status and the user's permissions allow,
 * progress that follows the running work, the timeline and the entries table.
 */
@Controller
class BatchPageController {

	static final int ENTRY_PAGE_SIZE = 50;

	private final BatchService service;

	private final BatchQueries queries;

	private final BatchSummaries summaries;

	private final AdminFormats formats;

	BatchPageController(BatchService service, BatchQueries queries, BatchSummaries summaries, AdminFormats formats) {
		this.service = service;
		this.queries = queries;
		this.summaries = summaries;
		this.formats = formats;
	}

	@GetMapping("/admin/batches/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) @Nullable EntryStatus status,
			@RequestParam(required = false) @Nullable IssueCode issue,
			@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long carerId,
			@RequestParam(required = false) @Nullable Boolean stale, @RequestParam(defaultValue = "0") int page,
			Authentication authentication, Model model) {
		BookingBatch batch = this.service.get(id);
		AdminUser user = AdminUser.of(authentication);
		List<BatchAction> available = allowed(batch, user);
		EntryFilter filter = new EntryFilter((status != EntryStatus.REMOVED) ? status : null, issue, clientId, carerId,
				stale, Math.max(page, 0));
		PageResponse<BatchEntry> entries = this.queries.entries(batch, filter.query(),
				PageParams.of(filter.page(), ENTRY_PAGE_SIZE));
		model.addAttribute("batch", this.summaries.of(batch));
		model.addAttribute("actions", buttons(available));
		model.addAttribute("actionsKey", actionsKey(available));
		model.addAttribute("canEdit", available.contains(BatchAction.EDIT_ENTRIES));
		model.addAttribute("canRemove", available.contains(BatchAction.REMOVE_ENTRIES));
		model.addAttribute("canAutoResolve", available.contains(BatchAction.AUTO_RESOLVE_CLASHES));
		model.addAttribute("timeline", timeline(id));
		model.addAttribute("entries", rows(entries.content()));
		model.addAttribute("entryPage", entries);
		long first = entries.totalElements() == 0 ? 0 : (long) entries.page() * entries.size() + 1;
		model.addAttribute("entryRange",
				"Entries " + first + "–"
						+ Math.min((long) (entries.page() + 1) * entries.size(), entries.totalElements()) + " of "
						+ entries.totalElements());
		model.addAttribute("filter", filter);
		model.addAttribute("entryStatuses",
				Arrays.stream(EntryStatus.values()).filter((s) -> s != EntryStatus.REMOVED).toList());
		model.addAttribute("issueCodes", Arrays.asList(IssueCode.values()));
		model.addAttribute("clients", this.queries.clientsOf(id));
		model.addAttribute("carers", this.queries.carersOf(id));
		return "admin/batch";
	}

	/**
	 * What the page polls while work runs: status, counts and progress, and the allowed
	 * actions, so that the page reloads itself when they change.
	 */
	@GetMapping(path = "/admin/batches/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ProgressView progress(@PathVariable long id, Authentication authentication) {
		BookingBatch batch = this.service.get(id);
		BatchSummary summary = this.summaries.of(batch);
		return new ProgressView(summary.status(), summary.statusLabel(), summary.tone(), summary.running(),
				summary.progress().percent(), summary.progressText(), counts(batch.counts()),
				actionsKey(allowed(batch, AdminUser.of(authentication))));
	}

	@PostMapping("/admin/batches/{id}/{action:confirm|refresh|revalidate|force-complete|done|retry|cancel}")
	String act(@PathVariable long id, @PathVariable String action, Authentication authentication,
			RedirectAttributes redirect) {
		PageAction pageAction = PageAction.ofPath(action).orElseThrow(() -> new NotFoundException("Action", 0));
		AdminUser user = AdminUser.of(authentication);
		if (!user.may(pageAction.action())) {
			throw new AccessDeniedException("Your user may not " + pageAction.label().toLowerCase());
		}
		try {
			BookingBatch result = switch (pageAction) {
				case CONFIRM -> this.service.confirm(id, user.name());
				case REFRESH_ENTRIES -> this.service.refresh(id, user.name());
				case REVALIDATE_STALE -> this.service.revalidate(id, user.name());
				case FORCE_COMPLETE -> this.service.forceComplete(id, user.name());
				case DONE -> this.service.done(id, user.name());
				case RETRY -> this.service.retry(id, user.name());
				case CANCEL -> this.service.cancel(id, user.name());
			};
			redirect.addFlashAttribute("notice", notice(pageAction, id, result));
			return "redirect:/admin/batches/" + result.id();
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/admin/batches/" + id;
		}
	}

	private static String notice(PageAction action, long id, BookingBatch result) {
		return switch (action) {
			case CONFIRM -> "Confirmed: the selected entries are re-checked, then their bookings are created.";
			case REFRESH_ENTRIES -> "Refreshing the entries against today's schedules.";
			case REVALIDATE_STALE -> "Revalidating the stale entries.";
			case FORCE_COMPLETE -> "Force completed: the remaining entries were marked failed.";
			case DONE -> "Marked as done: the batch no longer shows in the default list.";
			case RETRY -> "Started as a retry of batch #" + id + ". It skips what is already booked.";
			case CANCEL -> "Cancelled: the batch is now " + result.status().label().toLowerCase() + ".";
		};
	}

	/** The available actions of the batch that the user's permissions allow. */
	private List<BatchAction> allowed(BookingBatch batch, AdminUser user) {
		return this.service.availableActions(batch).stream().filter(user::may).toList();
	}

	private static List<PageAction> buttons(List<BatchAction> allowed) {
		return Arrays.stream(PageAction.values()).filter((a) -> allowed.contains(a.action())).toList();
	}

	private static String actionsKey(List<BatchAction> allowed) {
		return String.join(",", allowed.stream().map(Enum::name).sorted().toList());
	}

	private List<TimelineRow> timeline(long id) {
		List<TimelineRow> rows = new ArrayList<>();
		for (BatchQueries.TimelineItem item : this.queries.timeline(id)) {
			String what;
			if (item.toStatus() != null) {
				what = ((item.fromStatus() != null) ? label(item.fromStatus()) + " → " : "") + label(item.toStatus());
			}
			else {
				what = humanise(item.type());
			}
			rows.add(new TimelineRow(this.formats.dateTime(item.at()), what, item.actor(), item.message(),
					item.type().contains("FAIL") || BookingBatchStatus.FAILED.name().equals(item.toStatus())));
		}
		return rows;
	}

	private List<EntryRow> rows(List<BatchEntry> entries) {
		Set<Long> clientIds = new HashSet<>();
		Set<Long> carerIds = new HashSet<>();
		Set<Long> teamIds = new HashSet<>();
		for (BatchEntry entry : entries) {
			clientIds.add(entry.clientId());
			carerIds.addAll(entry.carerIds());
			teamIds.add(entry.teamId());
		}
		Map<Long, String> clients = this.queries.clientNames(clientIds);
		Map<Long, String> carers = this.queries.carerNames(carerIds);
		Map<Long, String> teams = this.queries.teamNames(teamIds);
		Map<Long, List<BatchQueries.Named>> teamCarers = this.queries.activeCarersOfTeams(teamIds);
		List<EntryRow> rows = new ArrayList<>();
		for (BatchEntry entry : entries) {
			String client = clients.getOrDefault(entry.clientId(), "Client " + entry.clientId());
			String day = this.formats.day(entry.occurrenceDate());
			List<String> carerNames = entry.carerIds()
				.stream()
				.map((carerId) -> carers.getOrDefault(carerId, "Carer " + carerId))
				.toList();
			List<EntryRow.Slot> slots = new ArrayList<>();
			for (int slot = 0; slot < entry.carersRequired(); slot++) {
				Long current = (slot < entry.carerIds().size()) ? entry.carerIds().get(slot) : null;
				Map<Long, BatchQueries.Named> options = new LinkedHashMap<>();
				teamCarers.getOrDefault(entry.teamId(), List.of()).forEach((c) -> options.put(c.id(), c));
				for (Long allocated : entry.carerIds()) {
					options.putIfAbsent(allocated,
							new BatchQueries.Named(allocated, carers.getOrDefault(allocated, "Carer " + allocated)));
				}
				slots.add(new EntryRow.Slot(slot + 1, current, List.copyOf(options.values())));
			}
			rows.add(new EntryRow(entry.id(), client + ", " + day + " " + this.formats.time(entry.startsAt()), day,
					this.formats.span(entry.startsAt(), entry.endsAt()), client,
					teams.getOrDefault(entry.teamId(), "Team " + entry.teamId()), carerNames, entry.carersRequired(),
					slots, entry.status().name(), entryLabel(entry.status()), entryTone(entry.status()),
					entry.selected(), entry.stale(), entry.issues(), entry.bookingId(), entry.error()));
		}
		return rows;
	}

	static String entryLabel(EntryStatus status) {
		String name = status.name().toLowerCase();
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static String entryTone(EntryStatus status) {
		return switch (status) {
			case VALID, CREATED -> "ok";
			case INVALID, FAILED -> "bad";
			case REMOVED -> "muted";
			default -> "running";
		};
	}

	private static String label(String status) {
		try {
			return BookingBatchStatus.valueOf(status).label();
		}
		catch (IllegalArgumentException ex) {
			return status;
		}
	}

	private static String humanise(String type) {
		String words = type.replace('_', ' ').toLowerCase();
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static Map<String, Integer> counts(BatchCounts c) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("total", c.total());
		counts.put("pending", c.pending());
		counts.put("valid", c.valid());
		counts.put("invalid", c.invalid());
		counts.put("warnings", c.warnings());
		counts.put("stale", c.stale());
		counts.put("selected", c.selected());
		counts.put("confirmed", c.confirmed());
		counts.put("creating", c.creating());
		counts.put("created", c.created());
		counts.put("failed", c.failed());
		counts.put("skipped", c.skipped());
		counts.put("removed", c.removed());
		return counts;
	}

	/** One event of the timeline disclosure. */
	record TimelineRow(String at, String what, String actor, @Nullable String message, boolean failure) {
	}

	/** The polled state of a batch. */
	record ProgressView(String status, String statusLabel, String tone, boolean running, @Nullable Integer percent,
			String progressText, Map<String, Integer> counts, String actions) {
	}

}
