//! Scoped linear memory (filled in by the memory issue).
