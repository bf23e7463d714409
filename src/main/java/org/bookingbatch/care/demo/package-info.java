/**
 * Demo data: a synthetic care provider generated from a seed, loaded on the first start
 * with the embedded database and used by the benchmark at larger scales.
 */
@NullMarked
package org.bookingbatch.care.demo;

import org.jspecify.annotations.NullMarked;
