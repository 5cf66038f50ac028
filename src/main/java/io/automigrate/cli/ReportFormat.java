package io.automigrate.cli;

/** {@code --format} of the commands that report: text for a terminal, markdown for a PR comment, JSON for machines. */
enum ReportFormat { TEXT, MARKDOWN, JSON }
