package org.bookingbatch.booking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the API on a test's port: the demo users (password = name) and
 * JSON bodies.
 */
public final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String user, String path) {
		return send(user, "GET", path, null);
	}

	public Response post(String user, String path, String json) {
		return send(user, "POST", path, json);
	}

	public Response put(String user, String path, String json) {
		return send(user, "PUT", path, json);
	}

	public Response delete(String user, String path) {
		return send(user, "DELETE", path, null);
	}

	public Response send(String user, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An answer of the API. */
	public record Response(int status, String body, String location) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
