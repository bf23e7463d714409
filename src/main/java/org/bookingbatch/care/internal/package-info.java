/**
 * The care model's HTTP API and data access: controllers, transactional services that
 * validate every request in full and publish
 * {@link org.bookingbatch.care.CareModelChanged}, and repositories over
 * {@code JdbcClient}. Nothing here is used from outside the care feature.
 */
@NullMarked
package org.bookingbatch.care.internal;

import org.jspecify.annotations.NullMarked;
