package org.bookingbatch.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a while which password matched a stored hash, so that an API client that
 * sends its HTTP Basic credentials with every request pays the hash's cost once, not on
 * every request: bcrypt at its default strength takes about a tenth of a second of CPU,
 * which a client polling a batch's progress would otherwise spend several times a second.
 * <p>
 * Only an HMAC of the password is kept, under a key drawn at start-up, one per stored
 * hash, and only after the real check has passed; a wrong password is always checked
 * against the hash. A remembered password is checked against the hash again once the time
 * to remember it has passed.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

	/** At most this many hashes are remembered: one per configured user. */
	private static final int CAPACITY = 1000;

	private static final String HMAC = "HmacSHA256";

	private final PasswordEncoder delegate;

	private final Duration remember;

	private final Clock clock;

	private final SecretKeySpec key;

	private final Map<String, Match> matches = new ConcurrentHashMap<>();

	RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, Clock clock) {
		this.delegate = delegate;
		this.remember = remember;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, HMAC);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		byte[] mac = mac(rawPassword, encodedPassword);
		Instant now = this.clock.instant();
		Match known = this.matches.get(encodedPassword);
		if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
			return true;
		}
		boolean matched = this.delegate.matches(rawPassword, encodedPassword);
		if (matched && (this.matches.size() < CAPACITY || known != null)) {
			this.matches.put(encodedPassword, new Match(mac, now.plus(this.remember)));
		}
		return matched;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private byte[] mac(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(HMAC + " is part of every Java runtime", ex);
		}
	}

	private record Match(byte[] mac, Instant until) {
	}

}
