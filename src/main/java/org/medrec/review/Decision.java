package org.medrec.review;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person decides about one review item: take the proposed value, type another one, or
 * reject the value (or the row, record or file) with a reason. Immutable and thread-safe.
 */
public sealed interface Decision {

    /** The action's name in batch files and audit entries: {@code accept}, {@code value}, {@code reject} or {@code record}. */
    String action();

    /** Takes the proposed value; for a whole file, row or entry ({@code *}): acknowledged, no data changes. */
    record Accept() implements Decision {
        @Override
        public String action() {
            return "accept";
        }
    }

    /** Replaces the proposed value with {@code value}, which the field's validator checks. */
    record Value(String value) implements Decision {
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String action() {
            return "value";
        }
    }

    /** The value (or row, record, file) must not be loaded, for {@code reason}. */
    record Reject(String reason) implements Decision {
        public Reject {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
            reason = reason.strip();
        }

        @Override
        public String action() {
            return "reject";
        }
    }

    /**
     * Keys a document or row medrec could not read: the document type (for a row it may be null),
     * the clinic as printed or its identifier system (null: the one medrec knows for the item), and
     * the records in the record model's JSON ({@link KeyedRecords}).
     */
    record Record(String docType, String clinic, JsonNode records) implements Decision {
        public Record {
            Objects.requireNonNull(records, "records");
        }

        @Override
        public String action() {
            return "record";
        }
    }

    /**
     * Finishes a spreadsheet row medrec did not load: its cells as corrected, by column letter
     * ({@code "C": "1964-09-13"}); the row is read again with the mapping that read it, and the
     * columns not given keep the file's cells ({@link RowCells}).
     */
    record Row(Map<String, String> cells) implements Decision {
        public Row {
            cells = Map.copyOf(cells);
        }

        @Override
        public String action() {
            return "record";
        }

        /** The cells as JSON, as the item keeps what was decided. */
        String json() {
            return JsonMapper.builder().build().writeValueAsString(new TreeMap<>(cells));
        }
    }

    /**
     * A decision from its parts as a batch file names them.
     *
     * @throws IllegalArgumentException with a message for the person who wrote the file
     */
    static Decision of(String action, String value, String reason) {
        if (action == null) {
            throw new IllegalArgumentException("no action: it must be accept, value, reject or record");
        }
        return switch (action) {
            case "accept" -> new Accept();
            case "value" -> {
                if (value == null) {
                    throw new IllegalArgumentException("action value needs a \"value\"");
                }
                yield new Value(value);
            }
            case "reject" -> {
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("action reject needs a \"reason\"");
                }
                yield new Reject(reason);
            }
            case "record" -> throw new IllegalArgumentException("action record needs \"records\"");
            default -> throw new IllegalArgumentException("unknown action '" + action + "': it must be accept, value, reject or record");
        };
    }
}
