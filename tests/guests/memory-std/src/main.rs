//! Interleaves `Vec`/`String` allocations with scoped allocations and checks, by fill patterns
//! and by address ranges, that nothing overlaps; then asks for more memory than can be had and
//! carries on. Prints one line per check; exits 0 only when all hold.

use wasm_function::memory::AllocError;
use wasm_function::with_memory_allocator;

fn range_of(ptr: *const u8, len: usize) -> (usize, usize) {
    let start = ptr as usize;
    (start, start + len)
}

fn disjoint(ranges: &[(usize, usize)]) -> bool {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    sorted.windows(2).all(|pair| pair[0].1 <= pair[1].0)
}

fn interleave() -> Result<usize, String> {
    let mut kept: Vec<Vec<u8>> = Vec::new();
    let mut checks = 0;
    for round in 0..300_usize {
        let pattern = (round % 251) as u8;
        let size = 1 + (round * 7919) % 5000;
        kept.push(vec![pattern; size]);
        let text = "x".repeat(round % 97 + 1);
        with_memory_allocator!(|mem| {
            let mut segment = mem.allocate(size * 3 + 1);
            segment.fill(!pattern);
            let more = vec![pattern ^ 0x55; size / 2 + 1];
            let bytes = mem.allocate_bytes(&more);
            let nested = with_memory_allocator!(|child| in mem {
                let mut inner = child.allocate(4096);
                inner.fill(0xee);
                kept.push(vec![0x11; 17]);
                let mut ranges: Vec<(usize, usize)> = kept
                    .iter()
                    .map(|v| range_of(v.as_ptr(), v.len()))
                    .collect();
                ranges.push(range_of(segment.as_ptr(), segment.len()));
                ranges.push(range_of(bytes.as_ptr(), bytes.len()));
                ranges.push(range_of(inner.as_ptr(), inner.len()));
                ranges.push(range_of(more.as_ptr(), more.len()));
                ranges.push(range_of(text.as_ptr(), text.len()));
                disjoint(&ranges) && inner.to_vec().iter().all(|&b| b == 0xee)
            });
            if !nested {
                // `return` inside the block leaves `interleave` itself; the scope still closes.
                return Err(format!("round {round}: live ranges overlap"));
            }
            let ok = segment.to_vec().iter().all(|&b| b == !pattern)
                && bytes.to_vec() == more
                && kept[kept.len() - 2].iter().all(|&b| b == pattern)
                && text.bytes().all(|b| b == b'x');
            if !ok {
                return Err(format!("round {round}: a pattern was overwritten"));
            }
            checks += 1;
        });
    }
    // Everything kept from std's allocator is intact after all the scopes closed.
    for (index, v) in kept.iter().enumerate() {
        let expected = if index % 2 == 0 {
            ((index / 2) % 251) as u8
        } else {
            0x11
        };
        if !v.iter().all(|&b| b == expected) {
            return Err(format!("kept vector {index} was overwritten"));
        }
    }
    Ok(checks)
}

fn out_of_memory() -> Result<String, String> {
    with_memory_allocator!(|mem| {
        let mut before = mem.allocate(64);
        before.fill(0x5a);
        // 3 GiB: more than the runtime lets this module grow to in the test.
        let error: AllocError = match mem.try_allocate(3 << 30) {
            Ok(_) => return Err("a 3 GiB allocation succeeded".to_owned()),
            Err(error) => error,
        };
        let huge = mem.try_allocate(usize::MAX).is_err();
        let mut after = mem.allocate(64);
        after.fill(0xa5);
        let intact = before.to_vec().iter().all(|&b| b == 0x5a);
        if huge && intact && after.as_ptr() as usize >= before.as_ptr() as usize + 64 {
            Ok(format!("{error}"))
        } else {
            Err("the allocator was not usable after a failed allocation".to_owned())
        }
    })
}

fn main() {
    let mut failed = false;
    match interleave() {
        Ok(checks) => println!("interleaved: {checks} rounds, no overlap"),
        Err(message) => {
            println!("interleaved: FAILED {message}");
            failed = true;
        }
    }
    match out_of_memory() {
        Ok(error) => println!("out of memory: Err({error}), then carried on"),
        Err(message) => {
            println!("out of memory: FAILED {message}");
            failed = true;
        }
    }
    std::process::exit(i32::from(failed));
}
