package org.bookingbatch.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Other candidates that compete with the ones being validated for the same carers and
 * clients, such as the other entries of the same batch. The engine asks once per
 * validation call, for the whole set.
 */
@FunctionalInterface
public interface CandidatePeers {

	/** No peers: a one-off booking competes only with existing bookings. */
	CandidatePeers NONE = (carerIds, clientIds, from, to) -> List.of();

	/**
	 * The peers that involve any of the carers or clients and overlap the window
	 * {@code [from, to)}. May include the candidates being validated themselves; the
	 * engine ignores those by key.
	 */
	List<BookingCandidate> overlapping(Collection<Long> carerIds, Collection<Long> clientIds, Instant from, Instant to);

}
