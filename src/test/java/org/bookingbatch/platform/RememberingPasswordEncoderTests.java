package org.bookingbatch.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.bookingbatch.booking.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingPasswordEncoderTests {

	private final CountingEncoder hashes = new CountingEncoder();

	private final MutableClock clock = new MutableClock();

	private final PasswordEncoder encoder = new RememberingPasswordEncoder(this.hashes, Duration.ofMinutes(10),
			this.clock);

	private final String annsHash = this.hashes.encode("ann's secret");

	@Test
	void aPasswordThatMatchedIsCheckedAgainstItsHashOnce() {
		assertThat(this.encoder.matches("ann's secret", this.annsHash)).isTrue();
		assertThat(this.encoder.matches("ann's secret", this.annsHash)).isTrue();
		assertThat(this.encoder.matches("ann's secret", this.annsHash)).isTrue();
		assertThat(this.hashes.checks).hasValue(1);
	}

	@Test
	void aWrongPasswordIsAlwaysCheckedAgainstTheHashAndRefused() {
		this.encoder.matches("ann's secret", this.annsHash);
		assertThat(this.encoder.matches("a guess", this.annsHash)).isFalse();
		assertThat(this.encoder.matches("a guess", this.annsHash)).isFalse();
		assertThat(this.hashes.checks).hasValue(3);
		assertThat(this.encoder.matches("ann's secret", this.annsHash)).isTrue();
		assertThat(this.hashes.checks).hasValue(3);
	}

	@Test
	void aRememberedPasswordMatchesOnlyItsOwnHash() {
		String bobsHash = this.hashes.encode("bob's secret");
		this.encoder.matches("ann's secret", this.annsHash);
		this.encoder.matches("bob's secret", bobsHash);
		assertThat(this.encoder.matches("ann's secret", bobsHash)).isFalse();
		assertThat(this.encoder.matches("bob's secret", this.annsHash)).isFalse();
		assertThat(this.encoder.matches("bob's secret", bobsHash)).isTrue();
		assertThat(this.hashes.checks).hasValue(4);
	}

	@Test
	void afterTenMinutesThePasswordIsCheckedAgainstItsHashAgain() {
		this.encoder.matches("ann's secret", this.annsHash);
		this.clock.advance(Duration.ofMinutes(9));
		this.encoder.matches("ann's secret", this.annsHash);
		assertThat(this.hashes.checks).hasValue(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.encoder.matches("ann's secret", this.annsHash)).isTrue();
		assertThat(this.hashes.checks).hasValue(2);
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.encoder.matches("ann's secret", this.annsHash)).isTrue();
		assertThat(this.hashes.checks).hasValue(2);
	}

	@Test
	void encodingAndUpgradesAreTheHashEncodersOwn() {
		assertThat(this.hashes.matches("a new secret", this.encoder.encode("a new secret"))).isTrue();
		assertThat(this.encoder.upgradeEncoding(new BCryptPasswordEncoder(4).encode("old"))).isTrue();
		assertThat(this.encoder.upgradeEncoding(this.annsHash)).isFalse();
	}

	/** bcrypt at strength 5, counting its checks; hashes of strength 4 want upgrading. */
	private static final class CountingEncoder implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(5);

		final AtomicInteger checks = new AtomicInteger();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.bcrypt.upgradeEncoding(encodedPassword);
		}

	}

}
