#[component("test:harness/types@0.1.0", "segment", wit = "tests/expand/wit")]
pub struct Segment<'a> {
    pub start: Point,
    pub end: Point,
    pub label: &'a str,
}
