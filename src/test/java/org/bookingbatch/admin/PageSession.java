package org.bookingbatch.admin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session for the admin pages: a cookie jar, form login, and the CSRF
 * token of the last page read, sent with every form POST.
 */
final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String csrf;

	PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in through the login form; the password of the demo users is their name. */
	Page signIn(String user) {
		return signIn(user, user);
	}

	Page signIn(String user, String password) {
		get("/login");
		Page signedIn = post("/login", "username", user, "password", password);
		if (signedIn.location() != null) {
			// Signing in replaces the session and its CSRF token: read the page it leads
			// to,
			// as a browser would, to hold the new one.
			get(URI.create(signedIn.location()).getRawPath());
		}
		return signedIn;
	}

	Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return page;
	}

	/** Posts a form with the session's CSRF token, as the page's own forms do. */
	Page post(String path, String... fields) {
		List<String> all = new ArrayList<>(List.of(fields));
		if (this.csrf != null) {
			all.add("_csrf");
			all.add(this.csrf);
		}
		return postWithout(path, all.toArray(String[]::new));
	}

	/** Posts a form exactly as given: no CSRF token unless it is among the fields. */
	Page postWithout(String path, String... fields) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(
					request.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Page(int status, String body, String location) {
	}

}
