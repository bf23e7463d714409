package org.bookingbatch.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on localhost: answers 500 to the first requests it is told to fail
 * (or to all while it is down), 204 to the others, and keeps every request.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile boolean down;

	private final List<Request> requests = new ArrayList<>();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/hooks", this::handle);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/hooks";
	}

	/** Fails the next {@code count} requests. */
	void failNext(int count) {
		this.failuresLeft.set(count);
	}

	/** Fails every request until told otherwise. */
	void down(boolean down) {
		this.down = down;
	}

	synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests answered 2xx, in the order they arrived. */
	synchronized List<Request> delivered() {
		return this.requests.stream().filter(Request::accepted).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		boolean fail = this.down || this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
		synchronized (this) {
			this.requests.add(new Request(Instant.now(), headers, body, !fail));
		}
		exchange.sendResponseHeaders(fail ? 500 : 204, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as received. */
	record Request(Instant at, Map<String, String> headers, String body, boolean accepted) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		String eventId() {
			return json().get("id").asString();
		}

		String type() {
			return json().get("type").asString();
		}

		JsonNode data() {
			return json().get("data");
		}

		/**
		 * Whether the signature header is the HMAC of the timestamp and the body with the
		 * secret, and the timestamp is within five minutes of the arrival.
		 */
		boolean signedWith(String secret) {
			String signature = header(WebhookSigner.SIGNATURE_HEADER);
			if (signature == null || !signature.matches("t=\\d+,v1=[0-9a-f]{64}")) {
				return false;
			}
			String timestamp = signature.substring(2, signature.indexOf(','));
			String hmac = signature.substring(signature.indexOf("v1=") + 3);
			boolean fresh = Math.abs(Long.parseLong(timestamp) - this.at.getEpochSecond()) < 300;
			return fresh && hmac.equals(WebhookSigner.hmac(secret, timestamp + "." + this.body));
		}

	}

}
