//! Host tests of the scoped allocator.
