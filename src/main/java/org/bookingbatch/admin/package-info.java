/**
 * The admin pages for coordinators: sign-in, the batch list, starting a batch with its
 * preview, and a batch's page with its actions, live progress, timeline and entries
 * table. Server-rendered with Thymeleaf; what a user sees follows the permissions of
 * {@link org.bookingbatch.generation.BatchAction}, and the page security chain enforces
 * them again.
 */
@NullMarked
package org.bookingbatch.admin;

import org.jspecify.annotations.NullMarked;
