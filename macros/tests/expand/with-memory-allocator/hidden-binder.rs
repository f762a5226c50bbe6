|_| {
    work();
}
