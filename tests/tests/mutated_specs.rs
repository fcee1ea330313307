//! The deterministic twin of the `spec_mutations` fuzz target: the fixtures' documents, each
//! changed by a few edits drawn from a seeded pseudo-random source, so every `cargo test`
//! replays the same few hundred changed specs. None may panic or hang (a union that reads
//! itself once did: `codegen/tests/union_cycles.rs`), none may make the generator emit invalid
//! Rust (an `Internal` error), every page must be made, and every error of a refused one must
//! name its place.

#[path = "../../codegen/fuzz/common.rs"]
mod common;
#[path = "../../codegen/fuzz/mutations.rs"]
mod mutations;

/// xorshift64*: small, seedable, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn byte(&mut self) -> u8 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
    }
}

#[test]
fn changed_fixtures_never_break_the_generator() {
    let fixtures =
        mutations::documents_in(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    assert!(fixtures.len() >= 30, "only {} fixtures", fixtures.len());
    // `MUTATED_SPECS=N` replays more seeds, for a longer local run.
    let count: u64 = std::env::var("MUTATED_SPECS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let (mut generated, mut refused) = (0, 0);
    for seed in 1..=count {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut next = || rng.byte();
        let mut choices = mutations::Choices(&mut next);
        let mut document = fixtures[choices.below(fixtures.len())].clone();
        mutations::mutate(&mut document, &mut choices);
        let text = serde_json::to_string_pretty(&document).unwrap();
        // `MUTATED_SPECS_TRACE=1` names each seed and keeps the last spec, to find one that
        // aborts the process (a stack overflow cannot be caught).
        if std::env::var_os("MUTATED_SPECS_TRACE").is_some() {
            eprintln!("seed {seed}");
            std::fs::write(std::env::temp_dir().join("mutated_spec_last.json"), &text).unwrap();
        }
        match std::panic::catch_unwind(|| common::run(text.as_bytes())) {
            Err(_) => panic!("seed {seed} panicked on:\n{text}"),
            Ok(Ok(())) => generated += 1,
            Ok(Err(errors)) => {
                refused += 1;
                for d in &errors {
                    let placed = d.line_col.is_some() || d.pointer.is_some();
                    assert!(placed, "seed {seed}: an error with no place: {d}\n{text}");
                }
            }
        }
    }
    assert_eq!(generated + refused, count);
    // Most edits leave a spec that still generates; if almost none do, the edits have stopped
    // testing the generator past its loader.
    assert!(
        generated * 3 > count,
        "only {generated} of {count} changed specs generated"
    );
}
