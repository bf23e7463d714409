package org.bookingbatch.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.bookingbatch.booking.IssueCode;
import org.bookingbatch.generation.BatchAction;
import org.bookingbatch.generation.BatchEntry;
import org.bookingbatch.generation.BatchQueries;
import org.bookingbatch.generation.BatchService;
import org.bookingbatch.generation.ClashResolution;
import org.bookingbatch.platform.InvalidRequestException;
import org.bookingbatch.platform.NotFoundException;
import org.bookingbatch.platform.ProblemException;

/**
 * The review actions of the entries table: change an entry's carers, select or deselect
 * entries, remove entries (picked, or all with an issue) and auto-resolve carer clashes.
 * Each answers with the batch page again, at the filter the user was looking at, with a
 * notice of what happened.
 */
@Controller
class EntryActionsController {

	private final BatchService service;

	private final BatchQueries queries;

	private final ClashResolution clashes;

	private final AdminFormats formats;

	EntryActionsController(BatchService service, BatchQueries queries, ClashResolution clashes, AdminFormats formats) {
		this.service = service;
		this.queries = queries;
		this.clashes = clashes;
		this.formats = formats;
	}

	@PostMapping("/admin/batches/{id}/entries/{entryId}/carers")
	String changeCarers(@PathVariable long id, @PathVariable long entryId,
			@RequestParam(name = "carerId", required = false) @Nullable List<String> slots,
			@RequestParam(required = false) @Nullable String back, Authentication authentication,
			RedirectAttributes redirect) {
		AdminUser user = require(authentication, BatchAction.EDIT_ENTRIES);
		List<Long> carerIds = new ArrayList<>();
		if (slots != null) {
			for (String slot : slots) {
				if (slot != null && !slot.isBlank()) {
					try {
						carerIds.add(Long.valueOf(slot.strip()));
					}
					catch (NumberFormatException ex) {
						throw new InvalidRequestException("carerId", "'" + slot + "' is not a carer id");
					}
				}
			}
		}
		return run(id, back, redirect, () -> {
			BatchEntry entry = this.service.updateEntry(id, entryId, carerIds, null, user.name());
			Map<Long, String> names = this.queries.carerNames(entry.carerIds());
			String client = this.queries.clientNames(List.of(entry.clientId())).getOrDefault(entry.clientId(), "");
			String carers = entry.carerIds().isEmpty() ? "nobody"
					: String.join(", ", entry.carerIds().stream().map((c) -> names.getOrDefault(c, "#" + c)).toList());
			return "Carers of " + client + ", " + this.formats.day(entry.occurrenceDate()) + " "
					+ this.formats.time(entry.startsAt()) + " changed to " + carers + ". The entry is now "
					+ BatchPageController.entryLabel(entry.status()).toLowerCase() + ".";
		});
	}

	@PostMapping("/admin/batches/{id}/entries/selection")
	String select(@PathVariable long id, @RequestParam String op,
			@RequestParam(name = "entryId", required = false) @Nullable List<Long> entryIds,
			@RequestParam(required = false) @Nullable String back, Authentication authentication,
			RedirectAttributes redirect) {
		AdminUser user = require(authentication, BatchAction.EDIT_ENTRIES);
		boolean select = op.equals("select") || op.equals("select-all");
		boolean all = op.endsWith("-all");
		if (!List.of("select", "deselect", "select-all", "deselect-all").contains(op)) {
			throw new InvalidRequestException("op", "must be select, deselect, select-all or deselect-all");
		}
		if (!all && (entryIds == null || entryIds.isEmpty())) {
			redirect.addFlashAttribute("entryError",
					"Pick one or more entries first, with the boxes in the first column.");
			return "redirect:" + EntryFilter.returnPath(id, back);
		}
		return run(id, back, redirect, () -> {
			int updated = this.service.selectEntries(id, all ? null : entryIds, all ? Boolean.TRUE : null, select,
					user.name());
			return (select ? "Selected " : "Deselected ") + updated + ((updated == 1) ? " entry." : " entries.")
					+ ((select && !all && entryIds != null && updated < entryIds.size())
							? " Only valid entries can be selected." : "");
		});
	}

	@PostMapping("/admin/batches/{id}/entries/removal")
	String remove(@PathVariable long id,
			@RequestParam(name = "entryId", required = false) @Nullable List<Long> entryIds,
			@RequestParam(required = false) @Nullable String back, Authentication authentication,
			RedirectAttributes redirect) {
		AdminUser user = require(authentication, BatchAction.REMOVE_ENTRIES);
		if (entryIds == null || entryIds.isEmpty()) {
			redirect.addFlashAttribute("entryError",
					"Pick one or more entries first, with the boxes in the first column.");
			return "redirect:" + EntryFilter.returnPath(id, back);
		}
		return run(id, back, redirect, () -> {
			int removed = this.service.removeEntries(id, entryIds, null, user.name());
			return "Removed " + removed + ((removed == 1) ? " entry." : " entries.");
		});
	}

	@PostMapping("/admin/batches/{id}/entries/removal-by-issue")
	String removeMatching(@PathVariable long id, @RequestParam IssueCode issue,
			@RequestParam(required = false) @Nullable String back, Authentication authentication,
			RedirectAttributes redirect) {
		AdminUser user = require(authentication, BatchAction.REMOVE_ENTRIES);
		return run(id, back, redirect, () -> {
			int removed = this.service.removeEntries(id, null, issue, user.name());
			return "Removed " + removed + ((removed == 1) ? " entry" : " entries") + " with issue " + issue + ".";
		});
	}

	@PostMapping("/admin/batches/{id}/entries/auto-resolve")
	String autoResolve(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			Authentication authentication, RedirectAttributes redirect) {
		AdminUser user = require(authentication, BatchAction.AUTO_RESOLVE_CLASHES);
		return run(id, back, redirect, () -> {
			ClashResolution.Outcome outcome = this.clashes.resolve(id, user.name());
			if (outcome.replaced() + outcome.unallocated() == 0) {
				return "No carer clashes to resolve.";
			}
			return "Carer clashes resolved: " + outcome.replaced() + " carers replaced, " + outcome.unallocated()
					+ " slots left unallocated.";
		});
	}

	private static AdminUser require(Authentication authentication, BatchAction action) {
		AdminUser user = AdminUser.of(authentication);
		if (!user.may(action)) {
			throw new AccessDeniedException("Your user may not change entries");
		}
		return user;
	}

	/**
	 * Runs an action, and answers with the batch page showing its notice, or the reason
	 * it was refused.
	 */
	private String run(long id, @Nullable String back, RedirectAttributes redirect, Action action) {
		try {
			redirect.addFlashAttribute("entryNotice", action.run());
		}
		catch (InvalidRequestException | ProblemException ex) {
			redirect.addFlashAttribute("entryError", ex.getMessage());
		}
		catch (NotFoundException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Batch")) {
				throw ex;
			}
			redirect.addFlashAttribute("entryError", ex.getMessage());
		}
		return "redirect:" + EntryFilter.returnPath(id, back);
	}

	@FunctionalInterface
	private interface Action {

		String run();

	}

}
