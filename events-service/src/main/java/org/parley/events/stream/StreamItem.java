package org.parley.events.stream;

/** What one SSE client is sent: a change, a heartbeat, or the order to refetch. */
sealed interface StreamItem {

    /** The client's position after this item: the SSE id it resumes from. */
    long position();

    record Change(StreamMessage message) implements StreamItem {
        @Override
        public long position() {
            return message.seq();
        }
    }

    /** Sent when the client connects and every heartbeat interval: proof of life, and the position to resume from. */
    record Heartbeat(long position) implements StreamItem {
    }

    /** The changes the client asked to resume from are no longer retained (or never were): refetch. */
    record Reset(long position, String reason) implements StreamItem {
    }
}
