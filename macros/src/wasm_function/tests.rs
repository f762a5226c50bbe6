//! Expansion snapshots and robustness tests.
