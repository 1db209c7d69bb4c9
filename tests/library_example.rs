//! Runs `examples/library.rs`, the example the crate documentation shows,
//! so that it stays true. (It replaces a doc-test: rustdoc would compile it
//! again on every `cargo test`, ~1.2 s, while this is compiled once.)

mod example {
    include!("../examples/library.rs");

    pub fn run() -> Result<(), claimcheck::Errors> {
        main()
    }
}

#[test]
fn library_example_runs_and_its_assertions_hold() {
    example::run().expect("the example's claims parse");
}
