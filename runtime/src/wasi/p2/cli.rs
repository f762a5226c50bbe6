//! `wasi:cli@0.2.0`: arguments and environment, exit, the standard streams and terminals.
//!
//! ```no_run
//! use wasm_function::wasi::p2::cli;
//!
//! wasm_function::with_memory_allocator!(|memory| {
//!     let stdout = cli::get_stdout();
//!     for arg in cli::get_arguments_in(&memory) {
//!         let _ = stdout.write_all(arg.as_bytes());
//!         let _ = stdout.write_all(b"\n");
//!     }
//! });
//! ```

use super::io::{InputStream, OutputStream};
use crate::memory::MemoryAllocator;
use crate::{wasm_function, wasm_resource};

// ---- wasi:cli/environment ----

/// `wasi:cli/environment.get-environment`: the environment variables, `(name, value)` pairs.
///
/// ```no_run
/// for (name, value) in wasm_function::wasi::p2::cli::get_environment() {
///     let _ = (name, value);
/// }
/// ```
#[cfg(feature = "std")]
#[wasm_function("wasi:cli/environment@0.2.0", "get-environment")]
pub fn get_environment() -> std::vec::Vec<(std::string::String, std::string::String)>;

/// `get-environment` into a scope: the pairs and their strings live as long as `memory`'s
/// scope.
///
/// ```no_run
/// wasm_function::with_memory_allocator!(|memory| {
///     let vars = wasm_function::wasi::p2::cli::get_environment_in(&memory);
///     let home = vars.iter().find(|(name, _)| *name == "HOME").map(|(_, v)| *v);
///     # let _ = home;
/// });
/// ```
#[wasm_function("wasi:cli/environment@0.2.0", "get-environment")]
pub fn get_environment_in<'s>(memory: &MemoryAllocator<'s>) -> &'s [(&'s str, &'s str)];

/// `wasi:cli/environment.get-arguments`: the command-line arguments, the program name first.
#[cfg(feature = "std")]
#[wasm_function("wasi:cli/environment@0.2.0", "get-arguments")]
pub fn get_arguments() -> std::vec::Vec<std::string::String>;

/// `get-arguments` into a scope.
///
/// ```no_run
/// wasm_function::with_memory_allocator!(|memory| {
///     let args: &[&str] = wasm_function::wasi::p2::cli::get_arguments_in(&memory);
///     # let _ = args;
/// });
/// ```
#[wasm_function("wasi:cli/environment@0.2.0", "get-arguments")]
pub fn get_arguments_in<'s>(memory: &MemoryAllocator<'s>) -> &'s [&'s str];

/// `wasi:cli/environment.initial-cwd`: the directory relative paths start from, if the host
/// has one.
#[cfg(feature = "std")]
#[wasm_function("wasi:cli/environment@0.2.0", "initial-cwd")]
pub fn initial_cwd() -> Option<std::string::String>;

/// `initial-cwd` into a scope.
#[wasm_function("wasi:cli/environment@0.2.0", "initial-cwd")]
pub fn initial_cwd_in<'s>(memory: &MemoryAllocator<'s>) -> Option<&'s str>;

// ---- wasi:cli/exit ----

/// `wasi:cli/exit.exit`: ends the program, successfully for `Ok(())`. The host reports exit
/// status 0 for `Ok` and 1 for `Err` (WASI 0.2.0 carries no other code). Does not return.
///
/// ```no_run
/// wasm_function::wasi::p2::cli::exit(Err(()));
/// ```
pub fn exit(status: Result<(), ()>) -> ! {
    #[wasm_function("wasi:cli/exit@0.2.0", "exit")]
    fn exit_import(status: Result<(), ()>);
    exit_import(status);
    // The host does not return from `exit`; should it, stop here rather than continue.
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    unreachable!("wasi:cli/exit returned")
}

// ---- wasi:cli/stdin, stdout, stderr ----

/// `wasi:cli/stdin.get-stdin`: the standard input stream (a new handle on each call).
#[wasm_function("wasi:cli/stdin@0.2.0", "get-stdin")]
pub fn get_stdin() -> InputStream;

/// `wasi:cli/stdout.get-stdout`: the standard output stream (a new handle on each call).
///
/// ```no_run
/// let _ = wasm_function::wasi::p2::cli::get_stdout().write_all(b"hi\n");
/// ```
#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
pub fn get_stdout() -> OutputStream;

/// `wasi:cli/stderr.get-stderr`: the standard error stream (a new handle on each call).
#[wasm_function("wasi:cli/stderr@0.2.0", "get-stderr")]
pub fn get_stderr() -> OutputStream;

// ---- wasi:cli/terminal-* ----

/// `wasi:cli/terminal-input.terminal-input`: a terminal the program reads from (no methods in
/// WASI 0.2.0; having one means the stream is a terminal).
#[wasm_resource("wasi:cli/terminal-input@0.2.0", "terminal-input")]
pub struct TerminalInput;

/// `wasi:cli/terminal-output.terminal-output`: a terminal the program writes to.
#[wasm_resource("wasi:cli/terminal-output@0.2.0", "terminal-output")]
pub struct TerminalOutput;

/// `wasi:cli/terminal-stdin.get-terminal-stdin`: the terminal behind stdin, if it is one.
///
/// ```no_run
/// let interactive = wasm_function::wasi::p2::cli::get_terminal_stdin().is_some();
/// # let _ = interactive;
/// ```
#[wasm_function("wasi:cli/terminal-stdin@0.2.0", "get-terminal-stdin")]
pub fn get_terminal_stdin() -> Option<TerminalInput>;

/// `wasi:cli/terminal-stdout.get-terminal-stdout`: the terminal behind stdout, if it is one.
#[wasm_function("wasi:cli/terminal-stdout@0.2.0", "get-terminal-stdout")]
pub fn get_terminal_stdout() -> Option<TerminalOutput>;

/// `wasi:cli/terminal-stderr.get-terminal-stderr`: the terminal behind stderr, if it is one.
#[wasm_function("wasi:cli/terminal-stderr@0.2.0", "get-terminal-stderr")]
pub fn get_terminal_stderr() -> Option<TerminalOutput>;
