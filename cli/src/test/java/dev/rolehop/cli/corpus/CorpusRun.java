package dev.rolehop.cli.corpus;

/** What one run of a case produced: stdout already normalized, raw stderr, and the exit code. */
record CorpusRun(String stdout, String stderr, int rc) {}
