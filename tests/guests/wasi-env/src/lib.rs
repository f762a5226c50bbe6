//! Arguments, environment, standard streams, clocks, sleeping, polling, random bytes, yielding
//! and exiting, with `wasm_function::wasi` and no `std`.
//!
//! Prints one line per check: `ok <check> <details>` or `FAIL <check> <details>`; lines starting
//! with `info` carry values that change from run to run or between runtimes (timings, clock
//! resolutions, what a host answers to an optional function). It echoes every argument, every
//! environment variable (those that are not UTF-8 as bytes) and stdin, writes one line to
//! stderr, and exits with the code in the
//! environment variable `EXIT_CODE` (0 if unset) through `proc_exit` — or 1 if a check failed.
#![no_std]

use core::fmt::{self, Write as _};
use core::sync::atomic::{AtomicU32, Ordering};
use core::time::Duration;

use wasm_function::wasi::clock::{self, Instant};
use wasm_function::wasi::io::{self, Stderr, Stdout};
use wasm_function::wasi::print::BufferedWriter;
use wasm_function::wasi::{
    Clockid, Errno, Event, Fd, Signal, Subclockflags, Subscription, SubscriptionClock, env, poll,
    proc, random,
};
use wasm_function::{eprint, eprintln, print, println, with_memory_allocator};

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    println!("FAIL panic {info}");
    proc::exit(101)
}

static FAILURES: AtomicU32 = AtomicU32::new(0);

/// Prints `ok <name> <details>` or `FAIL <name> <details>`.
fn check(name: &str, ok: bool, details: fmt::Arguments<'_>) {
    if ok {
        println!("ok {name} {details}");
    } else {
        FAILURES.fetch_add(1, Ordering::Relaxed);
        println!("FAIL {name} {details}");
    }
}

/// `ok` or the errno's name.
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

/// Bytes shown as a string when they are UTF-8, else as a byte list.
struct Shown<'a>(&'a [u8]);

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match core::str::from_utf8(self.0) {
            Ok(s) => write!(f, "{s:?}"),
            Err(_) => write!(f, "{:?}", self.0),
        }
    }
}

/// Arguments, read twice: into memory of a scope and into a buffer on the stack.
fn arguments() -> Result<(), Errno> {
    let sizes = env::args_sizes()?;
    with_memory_allocator!(|mem| {
        let args = env::args_in(mem)?;
        check(
            "args-count",
            args.len() == sizes.count,
            format_args!(
                "{} (args_sizes_get: {} strings, {} bytes)",
                args.len(),
                sizes.count,
                sizes.buf_len
            ),
        );
        for (i, arg) in args.iter().enumerate() {
            check("arg", true, format_args!("{i} {arg:?}"));
        }
        let mut stack = [0_u8; 1024];
        let again = env::args_into(&mut stack)?;
        check(
            "args-twice",
            again.len() == args.len()
                && again
                    .iter()
                    .zip(args.iter())
                    .all(|(a, b)| same(a.as_bytes(), b.as_bytes())),
            format_args!("args_in and args_into agree"),
        );
        let utf8 = args.iter().count();
        let bytes_agree = args.iter_bytes().len() == args.len()
            && args
                .iter_bytes()
                .enumerate()
                .all(|(i, b)| args.get_bytes(i).is_some_and(|g| same(g, b)))
            && args
                .iter_bytes()
                .filter_map(|b| core::str::from_utf8(b).ok())
                .zip(args.iter())
                .all(|(a, b)| same(a.as_bytes(), b.as_bytes()));
        check(
            "args-bytes",
            bytes_agree,
            format_args!("{} arguments as bytes, {utf8} of them UTF-8", args.len()),
        );
        let mut tiny = [0_u8; 4];
        let too_small = env::args_into(&mut tiny);
        check(
            "args-small-buffer",
            too_small.is_err(),
            format_args!("a 4-byte buffer -> {}", status(&too_small)),
        );
    });
    Ok(())
}

/// Environment variables; returns the exit code asked for in `EXIT_CODE`.
fn environment() -> Result<u32, Errno> {
    let sizes = env::vars_sizes()?;
    with_memory_allocator!(|mem| {
        let vars = env::vars_in(mem)?;
        check(
            "env-count",
            vars.len() == sizes.count,
            format_args!(
                "{} (environ_sizes_get: {} strings, {} bytes)",
                vars.len(),
                sizes.count,
                sizes.buf_len
            ),
        );
        for (name, value) in vars.iter() {
            check("env", true, format_args!("{name}={value:?}"));
        }
        // Variables that are not UTF-8: skipped above, seen as bytes.
        for (name, value) in vars.iter_bytes() {
            if core::str::from_utf8(name).is_err() || core::str::from_utf8(value).is_err() {
                check(
                    "env-bytes",
                    true,
                    format_args!("{:?}={:?}", Shown(name), Shown(value)),
                );
            }
        }
        let utf8 = vars.iter().count();
        check(
            "env-bytes-count",
            vars.iter_bytes().count() == vars.len() && vars.entries_bytes().len() == vars.len(),
            format_args!("{} variables as bytes, {utf8} of them UTF-8", vars.len()),
        );
        let latin1 = (vars.get("LATIN1"), vars.get_bytes(b"LATIN1"));
        check(
            "env-get-bytes",
            vars.get_bytes(b"WITH_EQUALS")
                .is_some_and(|v| same(v, b"a=b=c"))
                && vars.get_bytes(b"MISSING").is_none(),
            format_args!(
                "WITH_EQUALS -> {:?}, LATIN1 -> str {:?}, bytes {:?}",
                vars.get_bytes(b"WITH_EQUALS").map(Shown),
                latin1.0,
                latin1.1
            ),
        );
        let with_equals = vars.get("WITH_EQUALS");
        check(
            "env-get",
            with_equals.is_some_and(|v| same(v.as_bytes(), b"a=b=c"))
                && vars.get("MISSING").is_none(),
            format_args!(
                "WITH_EQUALS -> {with_equals:?}, MISSING -> {:?}",
                vars.get("MISSING")
            ),
        );
        let code = vars.get("EXIT_CODE").map_or(Some(0), parse_u32);
        Ok(code.unwrap_or(2))
    })
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

/// Echoes standard input, read to its end into memory of a scope.
fn standard_streams() -> Result<(), Errno> {
    with_memory_allocator!(|mem| {
        let mut buf = mem.allocate(4096);
        let mut len = 0;
        let mut chunk = [0_u8; 7];
        loop {
            // Small reads, so that several calls are needed.
            let n = io::read(Fd::STDIN, &mut chunk)?;
            if n == 0 || len + n > buf.len() {
                break;
            }
            buf.copy_from_slice(len, &chunk[..n]);
            len += n;
        }
        let mut text = [0_u8; 4096];
        buf.copy_to_slice(0, &mut text[..len]);
        match core::str::from_utf8(&text[..len]) {
            Ok(s) => check("stdin", true, format_args!("{len} bytes {s:?}")),
            Err(_) => check("stdin", false, format_args!("{len} bytes, not UTF-8")),
        }
    });
    // One line on stderr, in three pieces: `eprint!`, `core::fmt::Write` on the unbuffered
    // stream, `eprintln!`.
    eprint!("a line ");
    write!(Stderr, "on stderr ").map_err(|_| Errno::IO)?;
    eprintln!("from wasi-env");
    // `core::fmt::Write` on the unbuffered stream, and a line longer than the print buffer.
    writeln!(Stdout, "ok stdout-fmt-write {}", 42).map_err(|_| Errno::IO)?;
    let mut out = BufferedWriter::<16>::new(Fd::STDOUT);
    for i in 0..10 {
        write!(out, "{i}").map_err(|_| Errno::IO)?;
    }
    out.flush()?;
    println!(" buffered digits");
    print!("ok long-line ");
    for _ in 0..3 {
        print!("{}", "0123456789".repeat_free());
    }
    println!();
    Ok(())
}

/// `str::repeat` needs `alloc`; this prints the text 10 times instead.
trait RepeatFree {
    fn repeat_free(&self) -> Tenfold<'_>;
}

impl RepeatFree for str {
    fn repeat_free(&self) -> Tenfold<'_> {
        Tenfold(self)
    }
}

struct Tenfold<'a>(&'a str);

impl fmt::Display for Tenfold<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for _ in 0..10 {
            f.write_str(self.0)?;
        }
        Ok(())
    }
}

fn clocks() -> Result<(), Errno> {
    let now = clock::realtime()?;
    // 2020-01-01T00:00:00Z.
    check(
        "realtime",
        now.as_secs() > 1_577_836_800,
        format_args!("after 2020"),
    );
    for (name, id) in [
        ("realtime", Clockid::REALTIME),
        ("monotonic", Clockid::MONOTONIC),
    ] {
        let res = clock::resolution(id)?;
        check(
            "resolution",
            !res.is_zero() && res <= Duration::from_secs(1),
            format_args!("{name} in (0, 1 s]"),
        );
        println!("info resolution {name} {res:?}");
    }
    for id in [Clockid::PROCESS_CPUTIME_ID, Clockid::THREAD_CPUTIME_ID] {
        println!(
            "info clock {} time {}, resolution {}",
            id.name(),
            status(&clock::now(id)),
            status(&clock::resolution(id))
        );
    }

    let first = Instant::now()?;
    let mut last = first;
    let mut decreased = false;
    for _ in 0..1000 {
        let next = Instant::now()?;
        decreased |= next < last;
        last = next;
    }
    check(
        "monotonic",
        !decreased && last >= first,
        format_args!("1000 readings never decrease"),
    );

    let start = Instant::now()?;
    poll::sleep(Duration::from_millis(10))?;
    let slept = start.elapsed()?;
    check(
        "sleep",
        slept >= Duration::from_millis(10),
        format_args!("10 ms took at least 10 ms"),
    );
    println!("info sleep 10 ms took {slept:?}");
    check(
        "monotonic-increases",
        Instant::now()? > first,
        format_args!("later than the first reading after the sleep"),
    );

    // Two timeouts: the shorter fires, the longer does not.
    let subscriptions = [
        Subscription::timeout(7, Clockid::MONOTONIC, 5_000_000),
        Subscription::timeout(8, Clockid::MONOTONIC, 60_000_000_000),
    ];
    let mut events = [Event::ZERO; 2];
    let start = Instant::now()?;
    let fired = poll::poll(&subscriptions, &mut events)?;
    let waited = start.elapsed()?;
    check(
        "poll-timeouts",
        fired.len() == 1 && fired[0].userdata == 7 && fired[0].result().is_ok(),
        format_args!(
            "of 5 ms and 60 s, {} event(s), userdata {}",
            fired.len(),
            fired.first().map_or(0, |e| e.userdata)
        ),
    );
    println!("info poll-timeouts waited {waited:?} for 5 ms");

    // An absolute deadline, 5 ms from now. On the realtime clock: Node's `node:wasi` (uvwasi)
    // turns every absolute timeout into a delay by subtracting the *realtime* clock, so an
    // absolute monotonic deadline waits for decades there. Node's timers also count whole
    // milliseconds and fire up to 2 ms early (wasmtime's never do), hence the margin.
    let deadline = clock::now_nanos(Clockid::REALTIME)? + 5_000_000;
    let absolute = Subscription::clock(
        9,
        SubscriptionClock {
            id: Clockid::REALTIME,
            timeout: deadline,
            precision: 0,
            flags: Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME,
        },
    );
    let fired = poll::poll(&[absolute], &mut events)?;
    let reached = clock::now_nanos(Clockid::REALTIME)?;
    check(
        "poll-abstime",
        fired.len() == 1 && fired[0].userdata == 9 && reached + 2_000_000 >= deadline,
        format_args!("a realtime deadline 5 ms ahead fired, at most 2 ms early"),
    );
    println!(
        "info poll-abstime {} event(s), userdata {:?}, woke {} ns after the deadline",
        fired.len(),
        fired.first().map(|e| e.userdata),
        reached as i64 - deadline as i64
    );

    let empty = poll::poll(&[], &mut events);
    check(
        "poll-nothing",
        empty == Err(Errno::INVAL),
        format_args!("no subscriptions -> {}", status(&empty)),
    );
    // Undefined clocks, flags and signals: refused before the host sees them.
    let odd_flags = Subscription::clock(
        8,
        SubscriptionClock {
            id: Clockid::MONOTONIC,
            timeout: 1,
            precision: 0,
            flags: Subclockflags::from_bits_retain(0x8),
        },
    );
    let odd_clock = Subscription::timeout(9, Clockid::from_raw(77), 1);
    let undefined = [
        status(&poll::poll(&[odd_flags], &mut events)),
        status(&poll::poll(
            &[Subscription::timeout(1, Clockid::MONOTONIC, 1), odd_clock],
            &mut events,
        )),
        status(&clock::now_nanos(Clockid::from_raw(77))),
        status(&clock::resolution(Clockid::from_raw(77))),
        status(&proc::raise(Signal::from_raw(200))),
    ];
    check(
        "undefined-values",
        undefined.iter().all(|s| same(s.as_bytes(), b"inval")),
        format_args!(
            "poll with undefined clock flags or clock, now and resolution of clock 77, raise signal 200 -> {undefined:?}"
        ),
    );
    let ready = poll::poll(&[Subscription::fd_write(3, Fd::STDOUT)], &mut events);
    println!(
        "info poll fd_write on stdout: {} {:?}",
        status(&ready),
        ready
            .ok()
            .and_then(|e| e.first().map(|e| (e.userdata, e.error.name())))
    );
    Ok(())
}

fn randomness() -> Result<(), Errno> {
    let mut a = [0_u8; 32];
    let mut b = [0_u8; 32];
    random::fill(&mut a)?;
    random::fill(&mut b)?;
    let all_equal = a.iter().all(|&x| x == a[0]);
    check(
        "random",
        !all_equal && !same(&a, &b),
        format_args!("32 bytes not all equal; two draws differ"),
    );
    let (x, y) = (random::u64()?, random::u64()?);
    let arr: [u8; 16] = random::bytes()?;
    check(
        "random-u64",
        x != y && arr.iter().any(|&v| v != arr[0]),
        format_args!("two u64 differ; 16-byte array not constant"),
    );
    Ok(())
}

fn process() {
    let yielded = proc::yield_now();
    check(
        "sched_yield",
        yielded.is_ok(),
        format_args!("{}", status(&yielded)),
    );
    // Signal 0 is "no signal": harmless wherever a host implements the call.
    println!(
        "info proc_raise none {}",
        status(&proc::raise(Signal::NONE))
    );
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let result = arguments().and_then(|()| environment()).and_then(|code| {
        standard_streams()?;
        clocks()?;
        randomness()?;
        process();
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
    proc::exit(code)
}
