//! Scratch runner (not committed): runs a wasm32-wasip2 component as a command with WASI p2 and
//! an echoing test:harness host.
use wasmtime::component::{Component, Linker, Resource, ResourceTable, ResourceType, Val};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::p2::bindings::sync::Command;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

struct S {
    ctx: WasiCtx,
    table: ResourceTable,
    dropped: u32,
}
impl WasiView for S {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}
struct Counter(u32);

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).expect("a component path");
    let mut config = Config::new();
    config.consume_fuel(true);
    let engine = Engine::new(&config)?;
    let component = Component::from_file(&engine, &path)?;
    let mut linker: Linker<S> = Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    let mut types = linker.instance("test:harness/types@0.1.0")?;
    types.resource("counter", ResourceType::host::<Counter>(), |mut cx, rep| {
        cx.data_mut()
            .table
            .delete(Resource::<Counter>::new_own(rep))?;
        cx.data_mut().dropped += 1;
        Ok(())
    })?;
    types.func_wrap("[constructor]counter", |mut cx, (start,): (u32,)| {
        Ok((cx.data_mut().table.push(Counter(start))?,))
    })?;
    types.func_wrap(
        "[method]counter.increment",
        |mut cx, (c, by): (Resource<Counter>, u32)| {
            let counter = cx.data_mut().table.get_mut(&c)?;
            counter.0 += by;
            Ok((counter.0,))
        },
    )?;
    types.func_wrap("[method]counter.get", |cx, (c,): (Resource<Counter>,)| {
        Ok((cx.data().table.get(&c)?.0,))
    })?;
    types.func_wrap(
        "[static]counter.sum",
        |mut cx, (a, b): (Resource<Counter>, Resource<Counter>)| {
            let total = cx.data().table.get(&a)?.0 + cx.data().table.get(&b)?.0;
            Ok((cx.data_mut().table.push(Counter(total))?,))
        },
    )?;
    types.func_wrap(
        "[static]counter.consume",
        |mut cx, (c,): (Resource<Counter>,)| {
            let value = cx.data_mut().table.delete(c)?.0;
            cx.data_mut().dropped += 1;
            Ok((value,))
        },
    )?;
    types.func_wrap("dropped", |cx, (): ()| Ok((cx.data().dropped,)))?;
    let mut calls = linker.instance("test:harness/calls@0.1.0")?;
    for name in [
        "echo-bool",
        "echo-u8",
        "echo-s8",
        "echo-u16",
        "echo-s16",
        "echo-u32",
        "echo-s32",
        "echo-u64",
        "echo-s64",
        "echo-f32",
        "echo-f64",
        "echo-char",
        "echo-string",
        "echo-bytes",
        "echo-strings",
        "echo-point",
        "echo-segment",
        "echo-tuple",
        "echo-number",
        "echo-color",
        "echo-perms",
        "echo-wide",
        "echo-option",
        "echo-option-string",
    ] {
        calls.func_new(name, |_, _, params, results| {
            results[0] = params[0].clone();
            Ok(())
        })?;
    }
    calls.func_wrap("f64-bits", |_, (v,): (f64,)| Ok((v.to_bits(),)))?;
    calls.func_wrap("f32-bits", |_, (v,): (f32,)| Ok((v.to_bits(),)))?;
    calls.func_wrap("string-len", |_, (s,): (String,)| Ok((s.len() as u32,)))?;
    calls.func_wrap("sum-list", |_, (l,): (Vec<u32>,)| {
        Ok((l.iter().map(|&v| u64::from(v)).sum::<u64>(),))
    })?;
    calls.func_new("checked", |_, _, params, results| {
        let Val::Bool(ok) = params[0] else {
            unreachable!()
        };
        results[0] = Val::Result(if ok {
            Ok(Some(Box::new(Val::U32(7))))
        } else {
            Err(Some(Box::new(Val::String("no".into()))))
        });
        Ok(())
    })?;
    calls.func_new("unit-result", |_, _, params, results| {
        let Val::Bool(ok) = params[0] else {
            unreachable!()
        };
        results[0] = Val::Result(if ok { Ok(None) } else { Err(None) });
        Ok(())
    })?;
    calls.func_new("sum17", |_, _, params, results| {
        let sum: u64 = params
            .iter()
            .map(|v| match v {
                Val::U32(v) => u64::from(*v),
                _ => 0,
            })
            .sum();
        results[0] = Val::U64(sum);
        Ok(())
    })?;
    calls.func_wrap("received-count", |_, (): ()| Ok((0u32,)))?;
    let ctx = WasiCtx::builder().inherit_stdout().inherit_stderr().build();
    let mut store = Store::new(
        &engine,
        S {
            ctx,
            table: ResourceTable::new(),
            dropped: 0,
        },
    );
    store.set_fuel(u64::MAX)?;
    let command = Command::instantiate(&mut store, &component, &linker)?;
    let result = command.wasi_cli_run().call_run(&mut store)?;
    let fuel = u64::MAX - store.get_fuel()?;
    println!(
        "run returned {result:?}; fuel {fuel}; size {} bytes",
        std::fs::metadata(&path)?.len()
    );
    Ok(())
}
