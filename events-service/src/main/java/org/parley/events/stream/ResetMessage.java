package org.parley.events.stream;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Data of the SSE {@code reset} event: what the client shows may be stale; refetch, the stream continues from {@code seq}. */
// serialised inside OutboundSseEvent, which the native build cannot trace
@RegisterForReflection
public record ResetMessage(long seq, String reason) {
}
