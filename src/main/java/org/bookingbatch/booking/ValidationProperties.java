package org.bookingbatch.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's choices about which validation rules apply
 * ({@code booking.validation.*}); each is off unless configured.
 *
 * @param allowClientOverlap a client may have overlapping visits (CLIENT_CLASH is off)
 * @param carerMustBeScheduledAvailable a visit must lie inside one of its carers' weekly
 * availability windows
 * @param clientsMustHaveAddress a client without an address gets MISSING_ADDRESS
 * @param carersMustHaveAddress an allocated carer without an address gets MISSING_ADDRESS
 */
@ConfigurationProperties("booking.validation")
public record ValidationProperties(boolean allowClientOverlap, boolean carerMustBeScheduledAvailable,
		boolean clientsMustHaveAddress, boolean carersMustHaveAddress) {

	/** Every switch off: the defaults. */
	public static final ValidationProperties DEFAULTS = new ValidationProperties(false, false, false, false);

}
