package org.bookingbatch.generation;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes that share the database:
 * {@code booking.generation.node-id}, or the host name and server port. A node that
 * restarts under the same name resumes its own unfinished batches at once.
 */
@Component
class NodeIdentity {

	private final String id;

	NodeIdentity(GenerationProperties properties, @Value("${server.port:8080}") String port) {
		this.id = (properties.nodeId() != null && !properties.nodeId().isBlank()) ? properties.nodeId()
				: hostName() + ":" + port;
	}

	String id() {
		return this.id;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
