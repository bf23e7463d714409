package org.bookingbatch.generation;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Auto-resolving the carer clashes of a batch under review, for callers outside this
 * package.
 */
@Component
public class ClashResolution {

	private final AutoResolver resolver;

	ClashResolution(AutoResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Replaces each clashing carer by a free one of the entry's team, or leaves the slot
	 * unallocated; refused with 409 when the batch's status does not allow it.
	 */
	public Outcome resolve(long batchId, String user) {
		List<AutoResolver.Result> results = this.resolver.resolve(batchId, user);
		int replaced = (int) results.stream().filter((r) -> r.outcome().equals("REPLACED")).count();
		return new Outcome(replaced, results.size() - replaced);
	}

	/**
	 * How many clashing carers were replaced and how many slots were left unallocated.
	 */
	public record Outcome(int replaced, int unallocated) {
	}

}
