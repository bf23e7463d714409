package org.bookingbatch.care.internal;

import java.util.List;

/**
 * A client as the API shows it; {@code version} grows with every change.
 */
record Client(long id, String name, List<Long> teamIds, boolean active, boolean hasAddress, long version) {
}
