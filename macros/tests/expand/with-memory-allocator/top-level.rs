|mem| {
    let segment = mem.allocate(8);
    segment.len()
}
