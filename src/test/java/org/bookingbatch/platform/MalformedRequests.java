package org.bookingbatch.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of malformed requests that every JSON write endpoint must refuse with a 4xx
 * problem detail (never a 500) and without writing anything.
 * <p>
 * A feature names each write endpoint with a valid body ({@link #endpoint}); the table
 * adds the malformations that apply to any JSON endpoint: broken and truncated JSON, an
 * empty body, JSON {@code null}, an array, a string or a number instead of the object, a
 * body over 1 MB (413), a non-JSON content type (415), and for every member of the valid
 * body a value of the wrong type (a string for a number, an object for a string, a list
 * element of the wrong type, ...). Values that only the feature knows to be wrong (an
 * unknown enum name, an impossible date or time) are added with {@link #field}.
 * {@link #tests} turns the table into one dynamic test per request, each comparing the
 * database before and after.
 */
public final class MalformedRequests {

	/** Larger than the 1 MB the API accepts. */
	public static final int OVERSIZED_BYTES = 1024 * 1024 + 4096;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final List<Case> cases = new ArrayList<>();

	private final List<Case> validRequests = new ArrayList<>();

	/**
	 * One request and the status it must get.
	 *
	 * @param expectedStatus the exact status expected, or 0 for any 4xx
	 */
	public record Case(String description, String method, String path, String contentType, String body,
			int expectedStatus) {

		@Override
		public String toString() {
			return this.method + " " + this.path + ": " + this.description;
		}

	}

	/**
	 * Adds the generic malformations of one endpoint, derived from a body it accepts.
	 * @param method POST, PUT or PATCH
	 * @param path the path, with real ids
	 * @param validBody a JSON object the endpoint accepts
	 */
	public MalformedRequests endpoint(String method, String path, String validBody) {
		ObjectNode valid = object(validBody);
		String json = valid.toString();
		this.validRequests.add(new Case("valid body", method, path, "application/json", json, 0));
		add(method, path, "malformed JSON", "{\"" + firstName(valid) + "\": }");
		add(method, path, "truncated JSON", json.substring(0, json.length() - 1));
		add(method, path, "trailing garbage after the object", json + " }");
		add(method, path, "single-quoted JSON", json.replace('"', '\''));
		add(method, path, "empty body", "");
		add(method, path, "JSON null", "null");
		add(method, path, "an array instead of an object", "[" + json + "]");
		add(method, path, "an empty array instead of an object", "[]");
		add(method, path, "a string instead of an object", "\"text\"");
		add(method, path, "a number instead of an object", "42");
		this.cases.add(new Case("text/plain instead of JSON", method, path, "text/plain", json, 415));
		ObjectNode oversized = valid.deepCopy();
		oversized.put("padding", "x".repeat(OVERSIZED_BYTES));
		this.cases.add(new Case("a body over 1 MB", method, path, "application/json", oversized.toString(), 413));
		for (String name : valid.propertyNames()) {
			JsonNode value = valid.get(name);
			for (Map.Entry<String, String> wrong : wrongTypes(value).entrySet()) {
				field(method, path, json, name, wrong.getValue(), wrong.getKey());
			}
		}
		return this;
	}

	/**
	 * Adds a request whose body is the valid one with one member replaced.
	 * @param field the member to replace (added if absent)
	 * @param badValue its new value, as JSON, e.g. {@code "\"2026-13-45\""}
	 * @param description what is wrong with it
	 */
	public MalformedRequests field(String method, String path, String validBody, String field, String badValue,
			String description) {
		ObjectNode body = object(validBody);
		body.set(field, mapper.readTree(badValue));
		add(method, path, field + ": " + description + " " + badValue, body.toString());
		return this;
	}

	/** Adds a request with a body of the caller's making. */
	public MalformedRequests request(String method, String path, String body, String description) {
		add(method, path, description, body);
		return this;
	}

	public List<Case> cases() {
		return List.copyOf(this.cases);
	}

	/** The valid bodies the table was built from, each expected to be accepted. */
	public List<Case> validRequests() {
		return List.copyOf(this.validRequests);
	}

	/**
	 * One dynamic test per malformed request: it must be refused with the expected 4xx
	 * and an {@code application/problem+json} body, and {@code databaseState} must be the
	 * same afterwards.
	 * @param baseUrl the application's root, e.g. {@code http://localhost:8080}
	 * @param username a user allowed to call every endpoint of the table
	 * @param databaseState what must not change, e.g. {@link #tableChecksums}
	 */
	public Stream<DynamicTest> tests(String baseUrl, String username, String password, Supplier<Object> databaseState) {
		HttpClient http = HttpClient.newHttpClient();
		return this.cases.stream().map((request) -> DynamicTest.dynamicTest(request.toString(), () -> {
			// given
			Object before = databaseState.get();
			// when
			HttpResponse<String> response = send(http, baseUrl, username, password, request);
			// then
			if (request.expectedStatus() != 0) {
				assertThat(response.statusCode()).as("%s -> %s", request, response.body())
					.isEqualTo(request.expectedStatus());
			}
			else {
				assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isBetween(400, 499);
			}
			assertThat(response.headers().firstValue("Content-Type")).as("%s: content type", request)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(mapper.readTree(response.body()).path("status").intValue()).as("%s: problem status", request)
				.isEqualTo(response.statusCode());
			assertThat(databaseState.get()).as("%s: the database changed", request).isEqualTo(before);
		}));
	}

	/** Sends one request with Basic authentication. */
	public static HttpResponse<String> send(HttpClient http, String baseUrl, String username, String password,
			Case request) throws Exception {
		HttpRequest.BodyPublisher body = request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(request.body());
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
			.header("Content-Type", request.contentType())
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.method(request.method(), body);
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The checksums of the given tables (MySQL's and MariaDB's {@code CHECKSUM TABLE},
	 * one statement over every row), to compare before and after a request that must not
	 * write.
	 */
	public static Supplier<Object> tableChecksums(JdbcTemplate jdbc, String... tables) {
		for (String table : tables) {
			if (!table.matches("[A-Za-z0-9_]+")) {
				throw new IllegalArgumentException("Not a table name: " + table);
			}
		}
		String sql = "CHECKSUM TABLE " + String.join(", ", tables);
		return () -> {
			Map<String, Long> checksums = new LinkedHashMap<>();
			jdbc.query(sql, (rs) -> {
				checksums.put(rs.getString(1), rs.getLong(2));
			});
			return checksums;
		};
	}

	private void add(String method, String path, String description, String body) {
		this.cases.add(new Case(description, method, path, "application/json", body, 0));
	}

	private static Map<String, String> wrongTypes(JsonNode value) {
		Map<String, String> wrong = new LinkedHashMap<>();
		if (value.isIntegralNumber()) {
			wrong.put("a string for a number", "\"abc\"");
			wrong.put("a fraction for a whole number", "1.5");
			wrong.put("an object for a number", "{}");
		}
		else if (value.isNumber()) {
			wrong.put("a string for a number", "\"abc\"");
		}
		else if (value.isString()) {
			wrong.put("an object for a string", "{}");
			wrong.put("an array for a string", "[\"a\"]");
		}
		else if (value.isBoolean()) {
			wrong.put("a word for a boolean", "\"maybe\"");
			wrong.put("an object for a boolean", "{}");
		}
		else if (value.isArray()) {
			wrong.put("a string for a list", "\"not a list\"");
			wrong.put("an object for a list", "{}");
			if (!value.isEmpty()) {
				JsonNode element = value.get(0);
				for (Map.Entry<String, String> wrongElement : wrongTypes(element).entrySet()) {
					ArrayNode list = mapper.createArrayNode();
					list.add(mapper.readTree(wrongElement.getValue()));
					wrong.put("a list element of the wrong type (" + wrongElement.getKey() + ")", list.toString());
				}
			}
		}
		else if (value.isObject()) {
			wrong.put("a number for an object", "42");
		}
		return wrong;
	}

	private static ObjectNode object(String json) {
		JsonNode node = mapper.readTree(json);
		if (!(node instanceof ObjectNode object)) {
			throw new IllegalArgumentException("The valid body must be a JSON object: " + json);
		}
		return object;
	}

	private static String firstName(ObjectNode object) {
		return object.propertyNames().stream().findFirst().orElse("field");
	}

}
