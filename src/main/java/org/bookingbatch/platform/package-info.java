/**
 * Cross-cutting parts: the embedded database, security, error handling, the clock and the
 * provider's time zone, paging.
 */
@NullMarked
package org.bookingbatch.platform;

import org.jspecify.annotations.NullMarked;
