//! Unit tests of parsing, validation and expansion.
