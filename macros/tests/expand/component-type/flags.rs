#[component("test:harness/types@0.1.0", "perms", wit = "tests/expand/wit")]
pub struct Perms(u8);
