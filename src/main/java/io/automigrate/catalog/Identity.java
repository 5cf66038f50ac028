package io.automigrate.catalog;

/** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY} with the options of its sequence. */
public record Identity(boolean always, SequenceOptions options) {
}
