//! Section 2: allocation fuel, scope fuel, memory after a million scopes, wall-time ratios.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::json;

use crate::report::{Report, Row};
use crate::{Config, execute, int, num, per_iteration, progress, ratio};
use wasm_function_tests::{Guest, guest};

const CASES: [&str; 14] = [
    "empty",
    "ours-alloc",
    "ours-scope",
    "ours-scope-warm",
    "ours-scope-child",
    "ours-three-scopes",
    "ours-three-allocs",
    "bumpalo-alloc",
    "bumpalo-scope",
    "bump-scope-alloc",
    "bump-scope-scope",
    "bump-scope-three-scopes",
    "bump-scope-three-allocs",
    "std-alloc",
];

/// The cases measured again with the guest built at opt-level 3 (rows 2.12 to 2.14).
const OPT3_CASES: [&str; 10] = [
    "empty",
    "ours-alloc",
    "ours-scope",
    "ours-three-scopes",
    "ours-three-allocs",
    "bumpalo-alloc",
    "bump-scope-alloc",
    "bump-scope-scope",
    "bump-scope-three-scopes",
    "bump-scope-three-allocs",
];

fn run_case(module: &Guest, case: &str, n: u32) -> Result<wasm_function_tests::Outcome> {
    execute(
        module.run().arg(case).arg(&n.to_string()),
        &format!("bench-alloc {case} {n}"),
    )
}

/// Section 2: rows 2.1 to 2.11.
pub(crate) fn run(config: &Config, report: &mut Report) -> Result<()> {
    let n = config.alloc_iterations.max(1);
    report.section(
        "2",
        "Allocation: fuel per 16-byte allocation and per scope",
        &format!(
            "guest bench-alloc (a std bin: `bench-alloc <case> <n>`) runs each loop n = {} and \
             2n times; fuel per iteration = (fuel(2n) − fuel(n)) / n, which cancels start-up and \
             setup; fuel per operation = that minus the same figure for an empty loop of the same \
             shape (each iteration passes a pointer to `black_box`). Allocations are 16 bytes \
             aligned to 8 (ours: `allocate(16)` in one `with_memory_allocator!` scope; bumpalo \
             and bump-scope: `alloc_layout`/`allocate_layout` on one arena; std: \
             `Vec::<u8>::with_capacity(16)` then drop, i.e. malloc + free). Scope cost = fuel of \
             an iteration holding a scope with one allocation minus that of the allocation alone \
             (ours: `with_memory_allocator!`; bumpalo: `reset()` after each allocation; \
             bump-scope: `scoped(|b| …)`). Memory: pages of the guest's memory after the \
             scope loop with n iterations against 1. Wall time: each loop with n iterations, \
             timed {} times in rotation with the others in the same process, the minimum kept, \
             minus the empty loop's minimum; with fuel metering on, as for every run here.",
            int(n.into()),
            config.wall_repeats
        ),
    );
    let module = match &config.alloc_wasm {
        Some(path) => Guest::from_file(path)?,
        None => guest("bench-alloc")?,
    };

    let fuel = AllocFuel::measure(&module, &CASES, "", n, report)?;
    progress("  bench-alloc at opt-level 3");
    let module3 = wasm_function_tests::guest_at_opt_level("bench-alloc", "3")?;
    let fuel3 = AllocFuel::measure(&module3, &OPT3_CASES, ".opt3", n, report)?;
    rows_2_1_to_2_4_allocation(&fuel, report);
    row_2_5_top_level_scope(&fuel, report);
    rows_2_6_to_2_8_other_scopes(&fuel, report);
    row_2_9_memory_after_n_scopes(&module, n, report)?;
    rows_2_10_2_11_wall_time(config, &module, n, report)?;
    rows_2_12_to_2_14_opt3_and_three_scopes(&fuel, &fuel3, report);
    Ok(())
}

/// Fuel of every case's loop, run with n and with 2n iterations.
struct AllocFuel {
    /// Fuel per iteration, by case.
    per_iter: BTreeMap<&'static str, f64>,
    /// (fuel(n), fuel(2n)), by case.
    raw: BTreeMap<&'static str, (u64, u64)>,
}

impl AllocFuel {
    /// Runs every case of `cases` with n and 2n iterations, recording the fuel in the report
    /// as `alloc.<case><suffix>.n` and `.2n`.
    fn measure(
        module: &Guest,
        cases: &[&'static str],
        suffix: &str,
        n: u32,
        report: &mut Report,
    ) -> Result<Self> {
        let mut per_iter = BTreeMap::new();
        let mut raw = BTreeMap::new();
        for &case in cases {
            progress(&format!("  {case}{suffix}: n and 2n"));
            let f1 = report.record_fuel(
                &format!("alloc.{case}{suffix}.n"),
                run_case(module, case, n)?.fuel_consumed,
            );
            let f2 = report.record_fuel(
                &format!("alloc.{case}{suffix}.2n"),
                run_case(module, case, 2 * n)?.fuel_consumed,
            );
            per_iter.insert(case, per_iteration(f1, f2, n));
            raw.insert(case, (f1, f2));
        }
        Ok(AllocFuel { per_iter, raw })
    }

    /// Fuel of one iteration of `case`'s loop.
    fn it(&self, case: &str) -> f64 {
        self.per_iter[case]
    }

    /// Fuel of `case`'s operation: an iteration less the empty loop's.
    fn op(&self, case: &str) -> f64 {
        self.it(case) - self.it("empty")
    }

    /// The raw numbers of `case`, for the row's data.
    fn data(&self, case: &str) -> serde_json::Value {
        json!({
            "fuel_n": self.raw[case].0,
            "fuel_2n": self.raw[case].1,
            "fuel_per_iteration": self.it(case),
            "fuel_per_operation": self.op(case),
        })
    }
}

/// 2.1 to 2.4: one 16-byte allocation, ours against bumpalo, bump-scope and std.
fn rows_2_1_to_2_4_allocation(fuel: &AllocFuel, report: &mut Report) {
    let (ours, bumpalo, bump_scope, std) = (
        fuel.op("ours-alloc"),
        fuel.op("bumpalo-alloc"),
        fuel.op("bump-scope-alloc"),
        fuel.op("std-alloc"),
    );
    let row = Row::new(
        "2.1",
        "16-byte allocation, ours: `mem.allocate(16)`",
        format!(
            "{} fuel/alloc ({} per loop iteration − {} empty loop)",
            num(ours),
            num(fuel.it("ours-alloc")),
            num(fuel.it("empty"))
        ),
    )
    .data(fuel.data("ours-alloc"));
    let row = allocation_goal(row, ours, bumpalo, bump_scope);
    report.push(row);
    report.push(
        Row::new(
            "2.2",
            "16-byte allocation, bumpalo 3: `bump.alloc_layout(16, 8)`",
            format!("{} fuel/alloc", num(bumpalo)),
        )
        .data(fuel.data("bumpalo-alloc")),
    );
    report.push(
        Row::new(
            "2.3",
            "16-byte allocation, bump-scope 2: `bump.allocate_layout(16, 8)`",
            format!("{} fuel/alloc", num(bump_scope)),
        )
        .data(fuel.data("bump-scope-alloc")),
    );
    let std_holds = ours * 5.0 <= std;
    let mut row = Row::new(
        "2.4",
        "16-byte allocation, std: `Vec::<u8>::with_capacity(16)` + drop",
        format!(
            "{} fuel/alloc+free ({} × ours)",
            num(std),
            if ours > 0.0 {
                num(std / ours)
            } else {
                "∞".to_owned()
            }
        ),
    )
    .goal("ours at least 5 × lower", std_holds)
    .data(fuel.data("std-alloc"));
    if !std_holds {
        row = row.note(format!(
            "std is only {} × ours; the goal needs 5 ×.",
            num(std / ours)
        ));
    }
    report.push(row);
}

/// The goal of rows 2.1 and 2.12: an allocation costs no more than bumpalo's and bump-scope's.
fn allocation_goal(row: Row, ours: f64, bumpalo: f64, bump_scope: f64) -> Row {
    let best = bumpalo.min(bump_scope);
    let row = row.goal(
        &format!(
            "≤ bumpalo's ({}) and bump-scope's ({})",
            num(bumpalo),
            num(bump_scope)
        ),
        ours <= best,
    );
    if ours <= best {
        row
    } else {
        row.note(format!(
            "{} fuel more than the cheaper peer per allocation ({} vs {}): the bump itself is \
             one load of the (pointer, end) pair, a compare and a store; the rest is the check \
             that the handle's scope is the thread's innermost one (a load and a compare), which \
             a scope around the loop cannot fold away.",
            num(ours - best),
            num(ours),
            num(best)
        ))
    }
}

/// Why a top-level scope of ours costs more than bump-scope's, from the code both compile to
/// (`dis` of bench-alloc's `ours_scope` and `bump_scope_scope`).
const SCOPE_COST_CAUSE: &str = "Measured cause: bump-scope's `scoped` borrows its `Bump` \
    mutably, so nesting is checked at compile time and a scope is only the saved bump position \
    and its restore (the load is shared with the allocation). Ours are ambient (no arena value \
    to borrow: a scope opened in a callee nests inside the caller's), so the per-thread misuse \
    check costs on top of the mark save/restore: entering loads the depth, adds one with an \
    overflow test (a leak of 2^32 scopes must panic, not wrap) and stores it; leaving reloads \
    the depth (the allocation's slow path is a call, so the compiler cannot keep it), compares \
    it, tests that the mark lies in a chunk, and stores the depth and the mark back. The \
    inner allocation's own check folds into the enter. Children (`|mem| in outer`) skip the \
    depth update (row 2.6).";

/// What the other scope rows say of their cause.
const SCOPE_COST_SEE_2_5: &str = "The cause is the one measured in row 2.5's note: the per-thread \
    misuse check of an ambient scope (the depth's load, checked increment and store on entry; \
    its reload, compare and store on exit).";

/// 2.5: a top-level scope around one allocation, against bump-scope's scope (row 2.8).
fn row_2_5_top_level_scope(fuel: &AllocFuel, report: &mut Report) {
    let ours = fuel.op("ours-alloc");
    let ours_scope = fuel.op("ours-scope") - ours;
    let bump_scope = fuel.op("bump-scope-scope") - fuel.op("bump-scope-alloc");
    let row = Row::new(
        "2.5",
        "scope enter + exit, ours: a top-level `with_memory_allocator!` per iteration around one `allocate(16)` (opt-level \"z\")",
        format!(
            "{} fuel/scope ({} per iteration with the allocation − {} allocation)",
            num(ours_scope),
            num(fuel.op("ours-scope")),
            num(ours)
        ),
    )
    .data(fuel.data("ours-scope"));
    report.push(scope_goal(row, ours_scope, bump_scope, true));
}

/// The goal of rows 2.5, 2.13 and 2.14: a scope costs no more than bump-scope's (stretch: 8
/// fuel at opt-level "z").
fn scope_goal(row: Row, ours: f64, bump_scope: f64, stretch: bool) -> Row {
    let holds = ours <= bump_scope;
    let row = row.goal(&format!("≤ bump-scope's ({})", num(bump_scope)), holds);
    let stretch_note = if stretch {
        format!(
            " Stretch goal ≤ 8 fuel: {}.",
            if ours <= 8.0 { "holds" } else { "missed" }
        )
    } else {
        String::new()
    };
    if holds {
        if stretch_note.is_empty() {
            row
        } else {
            row.note(stretch_note.trim_start().to_owned())
        }
    } else {
        let cause = if stretch {
            SCOPE_COST_CAUSE
        } else {
            SCOPE_COST_SEE_2_5
        };
        row.note(format!(
            "{} fuel over bump-scope's. {cause}{stretch_note}",
            num(ours - bump_scope)
        ))
    }
}

/// 2.6 to 2.8: a nested and a child scope of ours, bumpalo's reset, bump-scope's scope.
fn rows_2_6_to_2_8_other_scopes(fuel: &AllocFuel, report: &mut Report) {
    let (ours, bumpalo, bump_scope) = (
        fuel.op("ours-alloc"),
        fuel.op("bumpalo-alloc"),
        fuel.op("bump-scope-alloc"),
    );
    let warm_scope = fuel.op("ours-scope-warm") - ours;
    report.push(
        Row::new(
            "2.6",
            "scope enter + exit, ours, nested in an outer scope that allocated first (a chunk is current); as a child `|mem| in outer`",
            format!(
                "{} fuel/scope ({} per iteration with the allocation); as a child: {} fuel/scope",
                num(warm_scope),
                num(fuel.op("ours-scope-warm")),
                num(fuel.op("ours-scope-child") - ours)
            ),
        )
        .data(json!({"ambient": fuel.data("ours-scope-warm"), "child": fuel.data("ours-scope-child")})),
    );
    report.push(
        Row::new(
            "2.7",
            "scope, bumpalo: `alloc_layout` then `reset()` per iteration",
            format!(
                "{} fuel/reset ({} per iteration with the allocation)",
                num(fuel.op("bumpalo-scope") - bumpalo),
                num(fuel.op("bumpalo-scope"))
            ),
        )
        .data(fuel.data("bumpalo-scope")),
    );
    report.push(
        Row::new(
            "2.8",
            "scope, bump-scope: `bump.scoped(|b| …)` around one allocation",
            format!(
                "{} fuel/scope ({} per iteration with the allocation)",
                num(fuel.op("bump-scope-scope") - bump_scope),
                num(fuel.op("bump-scope-scope"))
            ),
        )
        .data(fuel.data("bump-scope-scope")),
    );
}

/// 2.9: memory after n scopes against after one.
fn row_2_9_memory_after_n_scopes(module: &Guest, n: u32, report: &mut Report) -> Result<()> {
    let one = run_case(module, "ours-scope", 1)?.memory_pages;
    let many = run_case(module, "ours-scope", n)?.memory_pages;
    let mut row = Row::new(
        "2.9",
        &format!(
            "memory after {} scopes vs after 1 (ours, 64 KiB pages)",
            int(n.into())
        ),
        format!("{many} pages vs {one} pages"),
    )
    .goal("equal", many == one)
    .data(json!({"pages_after_1": one, "pages_after_n": many, "n": n}));
    if many != one {
        row = row.note(format!(
            "memory grew by {} pages over the loop.",
            many - one
        ));
    }
    report.push(row);

    Ok(())
}

/// 2.10 and 2.11: wall time of the allocation and the scope loops, relative to ours.
fn rows_2_10_2_11_wall_time(
    config: &Config,
    module: &Guest,
    n: u32,
    report: &mut Report,
) -> Result<()> {
    if config.wall_repeats == 0 {
        report.push(Row::not_measured(
            "2.10",
            "wall-time ratios",
            "wall_repeats = 0 in this configuration",
        ));
        return Ok(());
    }
    let mut best: BTreeMap<&str, Duration> = BTreeMap::new();
    for repeat in 0..config.wall_repeats {
        progress(&format!("  wall times, round {}", repeat + 1));
        for case in CASES {
            let started = Instant::now();
            run_case(module, case, n)?;
            let took = started.elapsed();
            let entry = best.entry(case).or_insert(took);
            *entry = (*entry).min(took);
        }
    }
    let net = |case: &str| {
        best[case]
            .saturating_sub(best["empty"])
            .as_secs_f64()
            .max(1e-6)
    };
    let millis = |case: &str| num(net(case) * 1e3);
    report.push(
        Row::new(
            "2.10",
            &format!(
                "wall time of {} allocations, relative to ours",
                int(n.into())
            ),
            format!(
                "ours 1.00× ({} ms), bumpalo {} ({} ms), bump-scope {} ({} ms), std {} ({} ms)",
                millis("ours-alloc"),
                ratio(net("bumpalo-alloc") / net("ours-alloc")),
                millis("bumpalo-alloc"),
                ratio(net("bump-scope-alloc") / net("ours-alloc")),
                millis("bump-scope-alloc"),
                ratio(net("std-alloc") / net("ours-alloc")),
                millis("std-alloc"),
            ),
        )
        .data(json!({
            "net_seconds": {
                "ours": net("ours-alloc"),
                "bumpalo": net("bumpalo-alloc"),
                "bump-scope": net("bump-scope-alloc"),
                "std": net("std-alloc"),
            },
            "empty_seconds": best["empty"].as_secs_f64(),
        })),
    );
    let (ours_scope, bump_scope_scope) = (net("ours-scope"), net("bump-scope-scope"));
    let row = Row::new(
        "2.11",
        &format!("wall time of {} scopes with one allocation, relative to ours", int(n.into())),
        format!(
            "ours 1.00× ({} ms; nested in a warm outer scope {}), bumpalo reset {} ({} ms), bump-scope {} ({} ms)",
            millis("ours-scope"),
            ratio(net("ours-scope-warm") / ours_scope),
            ratio(net("bumpalo-scope") / ours_scope),
            millis("bumpalo-scope"),
            ratio(bump_scope_scope / ours_scope),
            millis("bump-scope-scope"),
        ),
    )
    .goal("ours ≤ bump-scope's", ours_scope <= bump_scope_scope)
    .data(json!({
        "net_seconds": {
            "ours": ours_scope,
            "ours-warm": net("ours-scope-warm"),
            "bumpalo": net("bumpalo-scope"),
            "bump-scope": bump_scope_scope,
        },
    }));
    let row = if ours_scope <= bump_scope_scope {
        row
    } else {
        row.note(format!(
            "ours {} ms against bump-scope's {} ms: the same instructions as row 2.5's fuel \
             (wall time follows fuel here: every instruction is metered). {SCOPE_COST_SEE_2_5}",
            millis("ours-scope"),
            millis("bump-scope-scope")
        ))
    };
    report.push(row);
    Ok(())
}

/// 2.12 to 2.14: the allocation and the scope at opt-level 3, and three scopes in one function
/// at both levels.
fn rows_2_12_to_2_14_opt3_and_three_scopes(
    fuel: &AllocFuel,
    fuel3: &AllocFuel,
    report: &mut Report,
) {
    let (ours, bumpalo, bump_scope) = (
        fuel3.op("ours-alloc"),
        fuel3.op("bumpalo-alloc"),
        fuel3.op("bump-scope-alloc"),
    );
    let row = Row::new(
        "2.12",
        "16-byte allocation at opt-level 3: ours, bumpalo, bump-scope",
        format!(
            "ours {} fuel/alloc, bumpalo {}, bump-scope {}",
            num(ours),
            num(bumpalo),
            num(bump_scope)
        ),
    )
    .data(json!({
        "ours": fuel3.data("ours-alloc"),
        "bumpalo": fuel3.data("bumpalo-alloc"),
        "bump-scope": fuel3.data("bump-scope-alloc"),
    }));
    report.push(allocation_goal(row, ours, bumpalo, bump_scope));

    let ours_scope = fuel3.op("ours-scope") - ours;
    let bump_scope_scope = fuel3.op("bump-scope-scope") - bump_scope;
    let row = Row::new(
        "2.13",
        "scope enter + exit at opt-level 3, one per function: ours (top-level `with_memory_allocator!`) vs bump-scope (`scoped`)",
        format!(
            "ours {} fuel/scope, bump-scope {}",
            num(ours_scope),
            num(bump_scope_scope)
        ),
    )
    .data(json!({"ours": fuel3.data("ours-scope"), "bump-scope": fuel3.data("bump-scope-scope")}));
    report.push(scope_goal(row, ours_scope, bump_scope_scope, false));

    let per_scope =
        |fuel: &AllocFuel, scopes: &str, allocs: &str| (fuel.op(scopes) - fuel.op(allocs)) / 3.0;
    let (ours_z, peer_z) = (
        per_scope(fuel, "ours-three-scopes", "ours-three-allocs"),
        per_scope(fuel, "bump-scope-three-scopes", "bump-scope-three-allocs"),
    );
    let (ours_3, peer_3) = (
        per_scope(fuel3, "ours-three-scopes", "ours-three-allocs"),
        per_scope(fuel3, "bump-scope-three-scopes", "bump-scope-three-allocs"),
    );
    let row = Row::new(
        "2.14",
        "three scopes one after another in one function, each around one allocation: fuel per scope, ours vs bump-scope, opt-level \"z\" and 3",
        format!(
            "\"z\": ours {}, bump-scope {}; 3: ours {}, bump-scope {}",
            num(ours_z),
            num(peer_z),
            num(ours_3),
            num(peer_3)
        ),
    )
    .data(json!({
        "z": {"ours": fuel.data("ours-three-scopes"), "bump-scope": fuel.data("bump-scope-three-scopes")},
        "3": {"ours": fuel3.data("ours-three-scopes"), "bump-scope": fuel3.data("bump-scope-three-scopes")},
    }));
    let holds = ours_z <= peer_z && ours_3 <= peer_3;
    let row = row.goal("≤ bump-scope's at both levels", holds);
    let row = if holds {
        row
    } else {
        row.note(format!(
            "over bump-scope's by {} (\"z\") and {} (3) fuel per scope; at opt-level 3 \
             bump-scope's three scopes fold into the allocations. {SCOPE_COST_SEE_2_5}",
            num(ours_z - peer_z),
            num(ours_3 - peer_3)
        ))
    };
    report.push(row);
}
