package org.bookingbatch.care;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for the care API over real HTTP, with Basic authentication.
 */
public final class CareApi {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String authorization;

	/**
	 * @param baseUrl the application's root, e.g. {@code http://localhost:8080}
	 * @param username the user, or {@code null} for no credentials
	 * @param password the user's password
	 */
	public CareApi(String baseUrl, String username, String password) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.authorization = (username != null) ? "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
				: null;
	}

	/** The same API as another user. */
	public CareApi as(String username, String password) {
		return new CareApi(this.baseUrl, username, password);
	}

	/** The same API without credentials. */
	public CareApi anonymous() {
		return new CareApi(this.baseUrl, null, null);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/**
	 * Sends a request; a body that is a {@link String} is sent as it is, anything else as
	 * JSON.
	 */
	public Response send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			String json = (body instanceof String text) ? text : mapper.writeValueAsString(body);
			request.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	/** The JSON text of a value. */
	public static String toJson(Object value) {
		return mapper.writeValueAsString(value);
	}

	/**
	 * A JSON object from alternating names and values; values may be {@code null}.
	 */
	public static Map<String, Object> json(Object... namesAndValues) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			json.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return json;
	}

	/**
	 * A copy of a JSON object with some members replaced, added or (with null) kept null.
	 */
	public static Map<String, Object> with(Map<String, Object> json, Object... namesAndValues) {
		Map<String, Object> copy = new LinkedHashMap<>(json);
		copy.putAll(json(namesAndValues));
		return copy;
	}

	/** A copy of a JSON object without some members. */
	public static Map<String, Object> without(Map<String, Object> json, String... names) {
		Map<String, Object> copy = new LinkedHashMap<>(json);
		for (String name : names) {
			copy.remove(name);
		}
		return copy;
	}

	/**
	 * An answer of the API.
	 *
	 * @param location the {@code Location} header, if any
	 */
	public record Response(int status, String body, String contentType, String location) {

		public JsonNode json() {
			return mapper.readTree(this.body);
		}

		public long id() {
			return json().get("id").longValue();
		}

		/** The path of the {@code Location} header, e.g. {@code /api/teams/1}. */
		public Optional<String> locationPath() {
			return Optional.ofNullable(this.location).map((uri) -> URI.create(uri).getRawPath());
		}

		/** The field errors of a 400 problem detail, as field to message. */
		public Map<String, String> fieldErrors() {
			Map<String, String> errors = new LinkedHashMap<>();
			for (JsonNode error : json().path("errors")) {
				errors.merge(error.get("field").asString(), error.get("message").asString(), (a, b) -> a + "; " + b);
			}
			return errors;
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
