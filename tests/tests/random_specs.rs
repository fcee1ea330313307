//! The deterministic twin of the `spec_grammar` fuzz target: the same grammar, driven by a
//! seeded pseudo-random source, so every `cargo test` replays the same few hundred awkward specs.
//! None may panic, and none may make the generator emit invalid Rust (an `Internal` error).

#[path = "../../codegen/fuzz/grammar.rs"]
mod grammar;

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
fn random_specs_never_break_the_generator() {
    let options = codegen::Options::new("random".to_owned(), "random.json".to_owned());
    // `RANDOM_SPECS=N` replays more seeds, for a longer local run.
    let count: u64 = std::env::var("RANDOM_SPECS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let mut generated = 0;
    for seed in 1..=count {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let spec = grammar::spec(&mut || rng.byte());
        let text = spec.to_string();
        // `RANDOM_SPECS_TRACE=1` names each seed and keeps the last spec, to find one that
        // aborts the process (a stack overflow cannot be caught).
        if std::env::var_os("RANDOM_SPECS_TRACE").is_some() {
            eprintln!("seed {seed}");
            std::fs::write(std::env::temp_dir().join("random_spec_last.json"), &text).unwrap();
        }
        let outcome =
            std::panic::catch_unwind(|| codegen::generate_from_bytes(text.as_bytes(), &options));
        match outcome {
            Err(_) => panic!("seed {seed} panicked on:\n{text}"),
            Ok(Ok(_)) => generated += 1,
            Ok(Err(errors)) => {
                for d in &errors.0 {
                    assert_ne!(d.kind, codegen::Kind::Internal, "seed {seed}: {d}\n{text}");
                }
            }
        }
    }
    // The grammar mostly makes valid specs; if almost none generate, it has stopped testing much.
    assert!(
        generated > 150,
        "only {generated} of 300 random specs generated"
    );
}
