|child| in mem {
    child.allocate(8);
}
