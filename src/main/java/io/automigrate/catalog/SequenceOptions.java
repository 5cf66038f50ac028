package io.automigrate.catalog;

/** Options shared by sequences and identity columns ({@code pg_sequence}). */
public record SequenceOptions(String dataType, long start, long increment, long min, long max, long cache,
                              boolean cycle) {
}
