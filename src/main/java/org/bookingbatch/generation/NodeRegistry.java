package org.bookingbatch.generation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nodes that run batches, each with a heartbeat, so that a node can tell whether the
 * owner of a batch is still alive.
 */
@Component
class NodeRegistry {

	private final JdbcClient jdbc;

	private final NodeIdentity node;

	private final GenerationProperties properties;

	private final Clock clock;

	NodeRegistry(JdbcClient jdbc, NodeIdentity node, GenerationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.node = node;
		this.properties = properties;
		this.clock = clock;
	}

	void beat() {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				INSERT INTO generation_node (node_id, started_at, heartbeat_at) VALUES (:node, :now, :now)
				ON DUPLICATE KEY UPDATE heartbeat_at = :now
				""").param("node", this.node.id()).param("now", now).update();
	}

	/** Whether the node has beaten within the stall limit. This node counts as alive. */
	boolean isAlive(@Nullable String nodeId) {
		if (nodeId == null) {
			return false;
		}
		if (nodeId.equals(this.node.id())) {
			return true;
		}
		Instant limit = Instant.now(this.clock).minus(this.properties.stallAfter());
		return this.jdbc.sql("SELECT COUNT(*) FROM generation_node WHERE node_id = :node AND heartbeat_at >= :limit")
			.param("node", nodeId)
			.param("limit", Timestamp.from(limit))
			.query(Integer.class)
			.single() > 0;
	}

	String self() {
		return this.node.id();
	}

}
