//! One program for both targets, written against `wasm_function::wasi`'s safe layer without
//! `std`: on wasm32-wasip1 a core module exporting `_start`, on wasm32-wasip2 a component
//! exporting `wasi:cli/run` (`wasi_cli_run!`), whose safe layer runs over WASI 0.2 natively.
//!
//! Prints one line per check, `ok <check> <details>` or `FAIL <check> <details>`, the same on
//! both targets; `info` lines carry values that change between runs. On p2 a last part uses
//! `wasi::p2` directly (`p2 …` lines). Exits with the code in `EXIT_CODE` (0 if unset) through
//! `proc::exit`, or 1 if a check failed (on p2 the host sees 1 for every nonzero code).
#![no_std]

use core::fmt;
use core::sync::atomic::{AtomicU32, Ordering};
use core::time::Duration;

use wasm_function::wasi::clock::{self, Instant};
use wasm_function::wasi::{
    Clockid, Errno, Event, Fd, Subclockflags, Subscription, SubscriptionClock, env, io, poll, proc,
    random,
};
use wasm_function::{eprintln, println, with_memory_allocator};

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    println!("FAIL panic {info}");
    proc::exit(101)
}

static FAILURES: AtomicU32 = AtomicU32::new(0);

fn check(name: &str, ok: bool, details: fmt::Arguments<'_>) {
    if ok {
        println!("ok {name} {details}");
    } else {
        FAILURES.fetch_add(1, Ordering::Relaxed);
        println!("FAIL {name} {details}");
    }
}

fn status<T>(result: &Result<T, Errno>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.name(),
    }
}

/// Byte equality without `memcmp` (a `no_std` module has no libc to import it from).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

fn parse_u32(text: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for b in text.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(n)
}

fn arguments() -> Result<(), Errno> {
    with_memory_allocator!(|mem| {
        let args = env::args_in(mem)?;
        println!("ok args-count {}", args.len());
        // The program name differs between runners; the rest is what the test passed.
        for (i, arg) in args.iter().enumerate().skip(1) {
            println!("ok arg {i} {arg:?}");
        }
        Ok(())
    })
}

/// Prints every variable; returns the exit code asked for in `EXIT_CODE`.
fn environment() -> Result<u32, Errno> {
    with_memory_allocator!(|mem| {
        let vars = env::vars_in(mem)?;
        println!("ok env-count {}", vars.len());
        for (name, value) in vars.iter() {
            println!("ok env {name}={value:?}");
        }
        let code = vars.get("EXIT_CODE").map_or(Some(0), parse_u32);
        Ok(code.unwrap_or(2))
    })
}

/// Reads stdin to its end: a zero-length read first, then one huge buffer, then small reads.
fn standard_input() -> Result<(), Errno> {
    with_memory_allocator!(|mem| {
        // No bytes either way; wasmtime's preview1 answers INTR, the p2 build Ok(0). What
        // follows must still read every byte.
        let empty = io::read(Fd::STDIN, &mut []);
        check(
            "stdin-zero-length",
            matches!(empty, Ok(0) | Err(Errno::INTR)),
            format_args!("no bytes, no error but INTR"),
        );
        println!("info stdin-zero-length {}", status(&empty));
        let mut huge = mem.allocate(1 << 20);
        let first = io::read(Fd::STDIN, huge.as_bytes_mut())?;
        let mut text = [0_u8; 4096];
        let mut len = first.min(text.len());
        text[..len].copy_from_slice(&huge.as_bytes()[..len]);
        let mut chunk = [0_u8; 7];
        loop {
            let n = io::read(Fd::STDIN, &mut chunk)?;
            if n == 0 || len + n > text.len() {
                break;
            }
            text[len..len + n].copy_from_slice(&chunk[..n]);
            len += n;
        }
        let again = io::read(Fd::STDIN, &mut chunk);
        check(
            "stdin-eof",
            again == Ok(0),
            format_args!("a read after the end -> {}", status(&again)),
        );
        match core::str::from_utf8(&text[..len]) {
            Ok(s) => check("stdin", true, format_args!("{len} bytes {s:?}")),
            Err(_) => check("stdin", false, format_args!("{len} bytes, not UTF-8")),
        }
        Ok(())
    })
}

fn output() {
    eprintln!("a line on stderr from p2-wasi");
    // Longer than one 4096-byte `blocking-write-and-flush` on p2.
    with_memory_allocator!(|mem| {
        let mut long = mem.allocate(10_001);
        long.fill(b'x');
        let mut bytes = long;
        let last = bytes.len() - 1;
        bytes.as_bytes_mut()[last] = b'\n';
        let written = io::write_all(Fd::STDOUT, bytes.as_bytes());
        check(
            "stdout-long",
            written.is_ok(),
            format_args!("10001 bytes -> {}", status(&written)),
        );
    });
    let bad = io::write_all(Fd::from_raw(77), b"nowhere");
    check(
        "write-bad-fd",
        bad == Err(Errno::BADF),
        format_args!("fd 77 -> {}", status(&bad)),
    );
    let to_stdin = io::write_all(Fd::STDIN, b"back");
    check(
        "write-stdin",
        to_stdin == Err(Errno::BADF),
        format_args!("fd 0 -> {}", status(&to_stdin)),
    );
}

fn clocks() -> Result<(), Errno> {
    let now = clock::realtime()?;
    check(
        "realtime",
        now.as_secs() > 1_577_836_800,
        format_args!("after 2020"),
    );
    let res = clock::resolution(Clockid::MONOTONIC)?;
    check(
        "resolution",
        !res.is_zero() && res <= Duration::from_secs(1),
        format_args!("monotonic in (0, 1 s]"),
    );
    let first = Instant::now()?;
    let mut last = first;
    let mut decreased = false;
    for _ in 0..100 {
        let next = Instant::now()?;
        decreased |= next < last;
        last = next;
    }
    check(
        "monotonic",
        !decreased,
        format_args!("100 readings never decrease"),
    );
    let start = Instant::now()?;
    poll::sleep(Duration::from_millis(20))?;
    let slept = start.elapsed()?;
    check(
        "sleep",
        slept >= Duration::from_millis(20),
        format_args!("20 ms took at least 20 ms"),
    );
    println!("info sleep 20 ms took {slept:?}");
    // poll_oneoff: of two timeouts the shorter fires; an absolute deadline; no subscriptions;
    // stdout ready for writing.
    let subscriptions = [
        Subscription::timeout(7, Clockid::MONOTONIC, 3_000_000),
        Subscription::timeout(8, Clockid::MONOTONIC, 60_000_000_000),
    ];
    let mut events = [Event::ZERO; 2];
    let fired = poll::poll(&subscriptions, &mut events)?;
    check(
        "poll-timeouts",
        fired.len() == 1 && fired[0].userdata == 7 && fired[0].result().is_ok(),
        format_args!(
            "of 3 ms and 60 s, {} event(s), userdata {}",
            fired.len(),
            fired.first().map_or(0, |e| e.userdata)
        ),
    );
    let deadline = clock::now_nanos(Clockid::MONOTONIC)? + 3_000_000;
    let absolute = Subscription::clock(
        9,
        SubscriptionClock {
            id: Clockid::MONOTONIC,
            timeout: deadline,
            precision: 0,
            flags: Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME,
        },
    );
    let fired = poll::poll(&[absolute], &mut events)?;
    let reached = clock::now_nanos(Clockid::MONOTONIC)?;
    check(
        "poll-abstime",
        fired.len() == 1 && fired[0].userdata == 9 && reached >= deadline,
        format_args!("a monotonic deadline 3 ms ahead fired, not early"),
    );
    let empty = poll::poll(&[], &mut events);
    check(
        "poll-nothing",
        empty == Err(Errno::INVAL),
        format_args!("no subscriptions -> {}", status(&empty)),
    );
    let writable = poll::poll(&[Subscription::fd_write(3, Fd::STDOUT)], &mut events)?;
    check(
        "poll-stdout",
        writable.len() == 1 && writable[0].userdata == 3 && writable[0].result().is_ok(),
        format_args!("fd_write on stdout is ready"),
    );
    let cpu = clock::now(Clockid::PROCESS_CPUTIME_ID);
    println!("info process-cputime {}", status(&cpu));
    Ok(())
}

fn randomness() -> Result<(), Errno> {
    let mut a = [0_u8; 32];
    let mut b = [0_u8; 32];
    random::fill(&mut a)?;
    random::fill(&mut b)?;
    check(
        "random",
        a.iter().any(|&x| x != a[0]) && !same(&a, &b),
        format_args!("32 bytes not all equal; two draws differ"),
    );
    let zero = random::fill(&mut []);
    check(
        "random-zero-length",
        zero.is_ok(),
        format_args!("-> {}", status(&zero)),
    );
    with_memory_allocator!(|mem| {
        // 1 MiB: many 4096-byte chunks on p2, one call on p1.
        let mut huge = mem.allocate_zeroed(1 << 20);
        let filled = random::fill(huge.as_bytes_mut());
        let bytes = huge.as_bytes();
        let zeros = bytes.iter().filter(|&&b| b == 0).count();
        // About 4096 of 1 MiB random bytes are zero; a chunk left unfilled would add 4096.
        check(
            "random-huge",
            filled.is_ok() && zeros < 6000 && bytes[bytes.len() - 4096..].iter().any(|&b| b != 0),
            format_args!("1 MiB -> {}, tail filled", status(&filled)),
        );
    });
    Ok(())
}

/// WASI 0.2 directly: streams, pollables, the wall clock's datetime and scoped lists.
#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
mod p2 {
    use wasm_function::wasi::p2::{cli, clocks, io};
    use wasm_function::{wasi, with_memory_allocator};

    use super::{check, same};

    pub(super) fn run() {
        let stdout = cli::get_stdout();
        let wrote = stdout.write_all(b"ok p2 output-stream write_all\n");
        check(
            "p2-stream",
            wrote.is_ok(),
            format_args!("through get-stdout"),
        );
        check(
            "p2-check-write",
            stdout.check_write().is_ok_and(|n| n > 0),
            format_args!("room to write"),
        );

        let now = clocks::wall_now();
        check(
            "p2-datetime",
            now.seconds > 1_577_836_800 && now.nanoseconds < 1_000_000_000,
            format_args!("wall-clock now after 2020, nanoseconds < 1e9"),
        );

        // Two timers: the short one is ready first; `ready` agrees.
        // (`start` is read before subscribing: the 2 ms count from the subscription.)
        let start = clocks::monotonic_now();
        let short = clocks::subscribe_duration(2_000_000);
        let long = clocks::subscribe_duration(60_000_000_000);
        let ready = with_memory_allocator!(|memory| {
            let ready = io::poll_in(&memory, &[&long, &short]);
            ready.len() == 1 && ready[0] == 1
        });
        let waited = clocks::monotonic_now() - start;
        check(
            "p2-poll",
            ready && short.ready() && !long.ready() && waited >= 2_000_000,
            format_args!("of 60 s and 2 ms, index 1 ready after >= 2 ms"),
        );

        // The scoped lists agree with the safe layer's preview1-shaped view.
        with_memory_allocator!(|memory| {
            let args = cli::get_arguments_in(&memory);
            let vars = cli::get_environment_in(&memory);
            let same_args = with_memory_allocator!(|inner| in memory {
                wasi::env::args_in(&inner).is_ok_and(|safe| {
                    safe.len() == args.len()
                        && safe.iter().zip(args).all(|(a, b)| same(a.as_bytes(), b.as_bytes()))
                })
            });
            check(
                "p2-arguments",
                same_args,
                format_args!("{} from get-arguments, as env::args_in", args.len()),
            );
            let same_vars = with_memory_allocator!(|inner| in memory {
                wasi::env::vars_in(&inner).is_ok_and(|safe| {
                    safe.len() == vars.len()
                        && safe.iter().zip(vars).all(|((n, v), (name, value))| {
                            same(n.as_bytes(), name.as_bytes())
                                && same(v.as_bytes(), value.as_bytes())
                        })
                })
            });
            check(
                "p2-environment",
                same_vars,
                format_args!("{} pairs from get-environment, as env::vars_in", vars.len()),
            );
        });

        let stdin = cli::get_stdin();
        let end = with_memory_allocator!(|memory| {
            matches!(
                stdin.blocking_read_in(&memory, 16),
                Err(io::StreamError::Closed)
            )
        });
        check(
            "p2-stdin-closed",
            end,
            format_args!("blocking-read at the end -> closed"),
        );
    }
}

fn main() -> u32 {
    let result = arguments().and_then(|()| environment()).and_then(|code| {
        standard_input()?;
        output();
        clocks()?;
        randomness()?;
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        p2::run();
        Ok(code)
    });
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            check("no-unexpected-error", false, format_args!("{e}"));
            1
        }
    };
    let failures = FAILURES.load(Ordering::Relaxed);
    let code = if failures == 0 { code } else { 1 };
    println!("done {failures} failed, exit {code}");
    code
}

/// The preview1 entry point.
#[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    proc::exit(main())
}

#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
fn run() -> Result<(), ()> {
    proc::exit(main())
}

#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
wasm_function::wasi_cli_run!(run);
