-- An entry's booking id is 0 until the entry has a booking, rather than NULL: a NULL takes no room in the row, so
-- writing the id grew every created entry's row by eight bytes, which InnoDB cannot do in place (it moves the row
-- within its page, or splits a full page). With room kept for the id, setting it is an update in place: measured
-- apart on 560,000 entries in full pages, 3.7 s against 19.3 s.
UPDATE batch_entry SET booking_id = 0 WHERE booking_id IS NULL;
ALTER TABLE batch_entry MODIFY booking_id BIGINT NOT NULL DEFAULT 0;
