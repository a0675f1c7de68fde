package org.sshstack.connection;

/**
 * The local channel ids: slot indexes of a fixed-size table. An id is free again only after both CLOSE messages
 * (RFC 4254 §5.3), so a late message can never reach a newer channel that reuses it.
 */
final class ChannelTable {

    private final ConnectionChannel[] slots;
    private int count;
    private int hint;

    ChannelTable(int capacity) {
        this.slots = new ConnectionChannel[capacity];
    }

    int count() {
        return count;
    }

    int capacity() {
        return slots.length;
    }

    /** @return a free id, or -1 if the table is full */
    int freeId() {
        if (count == slots.length) {
            return -1;
        }
        for (int i = 0; i < slots.length; i++) {
            int id = (hint + i) % slots.length;
            if (slots[id] == null) {
                return id;
            }
        }
        return -1;
    }

    void put(ConnectionChannel channel) {
        slots[channel.localId()] = channel;
        count++;
        hint = (channel.localId() + 1) % slots.length;
    }

    /**
     * @param id a recipient channel from the peer (any uint32 bit pattern)
     * @return the live channel, or null if the id is not in use
     */
    ConnectionChannel get(int id) {
        return id >= 0 && id < slots.length ? slots[id] : null;
    }

    void remove(ConnectionChannel channel) {
        if (slots[channel.localId()] == channel) {
            slots[channel.localId()] = null;
            count--;
        }
    }

    /** @return the channel at a slot index (may be null), for flushing in turn */
    ConnectionChannel at(int index) {
        return slots[index];
    }
}
