//! Section 3: import calls through the attribute, raw externs and the `wasip1` crate; the
//! instruction-for-instruction check.

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};
use serde_json::json;

use crate::report::{Report, Row};
use crate::wasm::{Comparison, GuestWasm};
use crate::{Config, execute, int, num, per_iteration, progress};
use wasm_function_tests::{Guest, HostCtx, Run, Value, WASI_MODULE, guest};

const LOOPS: [&str; 8] = [
    "loop_empty",
    "loop_mix_attr",
    "loop_mix_raw",
    "loop_sink_attr",
    "loop_sink_raw",
    "loop_fd_write_attr",
    "loop_fd_write_raw",
    "loop_fd_write_wasip1",
];

/// `fd_write` that discards the bytes: reads the iovecs' lengths, reports them all written.
fn null_sink(ctx: &mut HostCtx<'_>, args: &[Value]) -> Result<Vec<Value>> {
    let arg = |i: usize| -> Result<u32> {
        Ok(args
            .get(i)
            .and_then(|v| v.as_i32())
            .context("fd_write takes four i32")? as u32)
    };
    let (iovs, count, nwritten) = (arg(1)?, arg(2)?, arg(3)?);
    let table = ctx.read_memory(iovs, count.checked_mul(8).context("iovec count")?)?;
    let total: u32 = table
        .chunks_exact(8)
        .map(|iov| u32::from_le_bytes([iov[4], iov[5], iov[6], iov[7]]))
        .fold(0, u32::wrapping_add);
    ctx.write_memory(nwritten, &total.to_le_bytes())?;
    Ok(vec![Value::I32(0)])
}

fn loop_run(module: &Guest, entry: &str, n: u32) -> Run {
    module
        .run()
        .entry(entry)
        .host_fn("bench", "iterations", move |_, _| {
            Ok(vec![Value::I32(n as i32)])
        })
        .host_fn("bench", "mix", |_, args| {
            let x = args.first().and_then(|v| v.as_i32()).unwrap_or(0);
            let y = args.get(1).and_then(|v| v.as_i64()).unwrap_or(0);
            Ok(vec![Value::I64(y.wrapping_add(i64::from(x)))])
        })
        .host_fn("bench", "sink", |_, args| {
            Ok(vec![args.get(1).copied().unwrap_or(Value::I32(0))])
        })
        .host_fn(WASI_MODULE, "fd_write", null_sink)
}

fn check_row(id: &str, what: &str, c: &Comparison, goal: bool) -> Row {
    let result = if c.same_function {
        format!("identical: one function ({} instructions)", c.ops_a)
    } else if c.identical {
        format!("identical: {} = {} instructions", c.ops_a, c.ops_b)
    } else {
        format!(
            "differ: {} vs {} instructions, {} differences",
            c.ops_a,
            c.ops_b,
            c.differences.len()
        )
    };
    let mut row = Row::new(id, what, result).data(json!({
        "a": c.a, "b": c.b, "identical": c.identical, "same_function": c.same_function,
        "instructions_a": c.ops_a, "instructions_b": c.ops_b, "differences": c.differences,
    }));
    if goal {
        row = row.goal("instruction for instruction the same", c.identical);
    }
    if !c.identical {
        row = row.note(format!(
            "`{}` against `{}` (instructions of each export and of the module functions it \
             calls, each once; `-` only in the first, `+` only in the second): {}",
            c.a,
            c.b,
            c.differences.join(", ")
        ));
    }
    row
}

/// Section 3: rows 3.1 to 3.8.
pub(crate) fn run(config: &Config, report: &mut Report) -> Result<()> {
    let n = config.call_iterations.max(1);
    report.section(
        "3",
        "Import calls: fuel per call, and the code of a wrapper against the raw extern",
        &format!(
            "guest bench-calls (no_std cdylib) declares each import twice, with \
             `#[wasm_function]` (for `fd_write`: the runtime's `wasi::raw::fd_write`) and as a \
             hand-written extern of the same module, name and core signature; exports `loop_*` call it n = {} and 2n times (n from a host import), \
             against hosts that return at once (`bench.mix`, `bench.sink`) and an `fd_write` \
             that discards the bytes and reports them written (a null sink, replacing WASI's). \
             Fuel per iteration = (fuel(2n) − fuel(n)) / n: the call with its argument set-up \
             and result handling, plus the loop's own counter and branch (an empty loop is no \
             baseline here: its accumulator goes through `black_box` in memory); host work \
             costs no fuel. The check compares, with wasmparser, the bodies of exports \
             that make one call each (`check_*`): same type, locals and operators, where a \
             call matches a call of the same import or, recursively, of an equivalent function.",
            int(n.into())
        ),
    );
    let module = guest("bench-calls")?;
    let fuel = CallFuel::measure(&module, n, report)?;
    rows_3_1_to_3_3_attribute_vs_raw_fuel(&fuel, report);
    row_3_4_wasip1_fuel(&fuel, report);
    let parsed = GuestWasm::parse(&module.bytes)?;
    rows_3_5_to_3_7_code_checks(&parsed, report)?;
    row_3_8_wasip1_code(&parsed, &fuel, report)
}

/// Fuel of every loop, run with n and with 2n iterations.
struct CallFuel {
    /// The loops' n.
    n: u32,
    /// (fuel(n), fuel(2n)), by loop.
    fuel: BTreeMap<&'static str, (u64, u64)>,
}

impl CallFuel {
    /// Runs every loop with n and 2n iterations, recording the fuel in the report.
    fn measure(module: &Guest, n: u32, report: &mut Report) -> Result<Self> {
        let mut fuel = BTreeMap::new();
        for entry in LOOPS {
            progress(&format!("  {entry}: n and 2n"));
            let f1 = execute(loop_run(module, entry, n), entry)?.fuel_consumed;
            let f2 = execute(loop_run(module, entry, 2 * n), entry)?.fuel_consumed;
            report.record_fuel(&format!("calls.{entry}.n"), f1);
            report.record_fuel(&format!("calls.{entry}.2n"), f2);
            fuel.insert(entry, (f1, f2));
        }
        Ok(CallFuel { n, fuel })
    }

    /// Fuel of one loop iteration, the call included. The loop without a call is not a
    /// usable baseline here: its accumulator must pass through `black_box` (a store and a
    /// load) where the call loops' results need not, so subtracting it would go negative. The
    /// goals compare the attribute's loop with the raw extern's, which have the same shape.
    fn per_call(&self, entry: &str) -> f64 {
        let (f1, f2) = self.fuel[entry];
        per_iteration(f1, f2, self.n)
    }

    /// The raw numbers of `entries`, for a row's data.
    fn data(&self, entries: &[&str]) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for &entry in entries {
            let (f1, f2) = self.fuel[entry];
            map.insert(
                entry.to_owned(),
                json!({"fuel_n": f1, "fuel_2n": f2, "fuel_per_call": self.per_call(entry)}),
            );
        }
        serde_json::Value::Object(map)
    }
}

/// 3.1 to 3.3: the fuel of a call through the attribute against the raw extern's.
fn rows_3_1_to_3_3_attribute_vs_raw_fuel(fuel: &CallFuel, report: &mut Report) {
    for (id, what, attr, raw) in [
        (
            "3.1",
            "custom import `bench.mix(i32, i64) -> i64`: attribute vs raw extern",
            "loop_mix_attr",
            "loop_mix_raw",
        ),
        (
            "3.2",
            "custom import `bench.sink(&[u8]) -> u32` vs raw `(ptr, len)`",
            "loop_sink_attr",
            "loop_sink_raw",
        ),
        (
            "3.3",
            "`fd_write` to a null sink: ours (`wasi::raw::fd_write`, the attribute) vs a raw extern",
            "loop_fd_write_attr",
            "loop_fd_write_raw",
        ),
    ] {
        let holds = fuel.fuel[attr] == fuel.fuel[raw];
        let mut row = Row::new(
            id,
            what,
            format!(
                "{} vs {} fuel per loop iteration with one call; {} calls: {} vs {} fuel",
                num(fuel.per_call(attr)),
                num(fuel.per_call(raw)),
                int(fuel.n.into()),
                int(fuel.fuel[attr].0),
                int(fuel.fuel[raw].0)
            ),
        )
        .goal("attribute fuel = raw extern fuel", holds)
        .data(fuel.data(&[attr, raw, "loop_empty"]));
        if !holds {
            row = row.note(format!(
                "the attribute costs {} fuel more per call.",
                num(fuel.per_call(attr) - fuel.per_call(raw))
            ));
        }
        report.push(row);
    }
}

/// 3.4: the fuel of `fd_write` through the `wasip1` crate.
fn row_3_4_wasip1_fuel(fuel: &CallFuel, report: &mut Report) {
    report.push(
        Row::new(
            "3.4",
            "`fd_write` to a null sink through the `wasip1` crate",
            format!(
                "{} fuel per loop iteration with one call (attribute: {}); {} calls: {} fuel",
                num(fuel.per_call("loop_fd_write_wasip1")),
                num(fuel.per_call("loop_fd_write_attr")),
                int(fuel.n.into()),
                int(fuel.fuel["loop_fd_write_wasip1"].0)
            ),
        )
        .data(fuel.data(&["loop_fd_write_wasip1", "loop_fd_write_attr"])),
    );
}

/// 3.5 to 3.7: the code of each wrapper against its raw extern, and of their loops.
fn rows_3_5_to_3_7_code_checks(parsed: &GuestWasm, report: &mut Report) -> Result<()> {
    let loops_same = [
        ("loop_mix_attr", "loop_mix_raw"),
        ("loop_sink_attr", "loop_sink_raw"),
        ("loop_fd_write_attr", "loop_fd_write_raw"),
    ]
    .iter()
    .map(|(a, b)| parsed.compare(a, b).map(|c| c.identical))
    .collect::<Result<Vec<bool>>>()?;
    for ((id, what, a, b), loop_same) in [
        (
            "3.5",
            "code check: `bench.mix` wrapper vs raw extern",
            "check_mix_attr",
            "check_mix_raw",
        ),
        (
            "3.6",
            "code check: `bench.sink(&[u8])` wrapper vs raw `(ptr, len)`",
            "check_sink_attr",
            "check_sink_raw",
        ),
        (
            "3.7",
            "code check: `wasi::raw::fd_write` vs raw extern + the same `Result` by hand",
            "check_fd_write_attr",
            "check_fd_write_raw",
        ),
    ]
    .into_iter()
    .zip(loops_same)
    {
        let comparison = parsed.compare(a, b)?;
        let mut row = check_row(id, what, &comparison, true);
        let loops = format!(
            "The {} loops compile {}.",
            what.split('`').nth(1).unwrap_or("call"),
            if loop_same {
                "identically too"
            } else {
                "DIFFERENTLY"
            }
        );
        row.note = if row.note.is_empty() {
            loops
        } else {
            format!("{} {loops}", row.note)
        };
        report.push(row);
    }
    Ok(())
}

/// 3.8: the code of `wasi::raw::fd_write` against the `wasip1` crate's.
fn row_3_8_wasip1_code(parsed: &GuestWasm, fuel: &CallFuel, report: &mut Report) -> Result<()> {
    let wasip1 = parsed.compare("check_fd_write_attr", "check_fd_write_wasip1")?;
    let mut row = check_row(
        "3.8",
        "code check: `wasi::raw::fd_write` vs the `wasip1` crate's",
        &wasip1,
        false,
    );
    let fd_write_equal = fuel.fuel["loop_fd_write_wasip1"] == fuel.fuel["loop_fd_write_attr"];
    if !wasip1.identical && fd_write_equal {
        row.note = format!(
            "{}. Not a cost of the wrapper: `Errno::from_status` (runtime/src/wasi/errno.rs) maps \
             a status outside 0..=65535 to `Errno::OUT_OF_RANGE` where `wasip1` truncates it with \
             `as u16`; the extra instructions run only on the error path, so the success path's \
             fuel is equal (3.3, 3.4).",
            row.note
        );
    } else if !wasip1.identical {
        row.note = format!(
            "{}. Per call the attribute costs {} fuel more than `wasip1` on the success path.",
            row.note,
            num(fuel.per_call("loop_fd_write_attr") - fuel.per_call("loop_fd_write_wasip1"))
        );
    }
    report.push(row);
    Ok(())
}
