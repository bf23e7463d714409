package org.bookingbatch.booking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Checks booking candidates against every validation rule. Serves batch validation, the
 * final check at confirm, revalidation, carer edits during review and one-off bookings.
 * <p>
 * Whatever the number of candidates, the engine loads what the rules need in a fixed
 * number of set-based queries (and asks the peers once), then checks in memory; callers
 * pass a whole chunk at a time, not one candidate per call.
 */
@Service
public class ValidationEngine {

	/**
	 * The longest visit the engine expects: existing bookings are looked up from this
	 * long before the candidates' window, so a longer booking could go unnoticed as a
	 * clash. Visits that are created (one-off bookings, schedule entries) must not be
	 * longer.
	 */
	public static final Duration MAX_VISIT_LENGTH = Duration.ofHours(24);

	private final ValidationDataLoader loader;

	private final List<ValidationRule> rules;

	private final ValidationProperties settings;

	ValidationEngine(ValidationDataLoader loader, List<ValidationRule> rules, ValidationProperties settings) {
		this.loader = loader;
		this.rules = List.copyOf(rules);
		this.settings = settings;
	}

	/**
	 * Validates the candidates together: they are also checked against each other (a
	 * carer or client on two overlapping candidates gives both a clash) and against the
	 * peers.
	 * @param candidates the candidates, each with a distinct key
	 * @param peers other visits that compete for the same carers and clients, asked once
	 * @return the issues of each candidate by key, in the candidates' order; an empty
	 * list for a clean candidate
	 */
	public Map<Long, List<ValidationIssue>> validate(List<BookingCandidate> candidates, CandidatePeers peers) {
		return validate(candidates, peers, Set.of());
	}

	/**
	 * Validates an existing booking with changed carers: the booking itself is neither a
	 * clash nor its occurrence's booking.
	 * @param candidate the booking as it would be
	 * @param bookingId the booking's id
	 * @return the candidate's issues
	 */
	List<ValidationIssue> validateExisting(BookingCandidate candidate, long bookingId) {
		return validate(List.of(candidate), CandidatePeers.NONE, Set.of(bookingId)).get(candidate.key());
	}

	private Map<Long, List<ValidationIssue>> validate(List<BookingCandidate> candidates, CandidatePeers peers,
			Set<Long> ignoredBookings) {
		Map<Long, List<ValidationIssue>> issues = new LinkedHashMap<>();
		if (candidates.isEmpty()) {
			return issues;
		}
		for (BookingCandidate candidate : candidates) {
			if (issues.put(candidate.key(), List.of()) != null) {
				throw new IllegalArgumentException("Two candidates have the key " + candidate.key());
			}
		}
		ValidationContext context = this.loader.load(candidates, peers, this.settings, ignoredBookings);
		for (BookingCandidate candidate : candidates) {
			List<ValidationIssue> found = new ArrayList<>();
			for (ValidationRule rule : this.rules) {
				found.addAll(rule.check(candidate, context));
			}
			issues.put(candidate.key(), List.copyOf(found));
		}
		return issues;
	}

	/** Whether any of the issues is an error (the candidate is invalid). */
	public static boolean hasErrors(List<ValidationIssue> issues) {
		return issues.stream().anyMatch((issue) -> issue.severity() == Severity.ERROR);
	}

}
