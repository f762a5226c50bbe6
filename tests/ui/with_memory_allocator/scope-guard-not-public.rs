// The guard that `with_memory_allocator!` expands to is not public API: a scope is opened with
// the macro, `memory::scope(|mem| ...)` or `mem.scope(|child| ...)`.
fn main() {
    let guard = wasm_function::memory::ScopeGuard::enter();
    std::mem::forget(guard);
}
