//! Progress of a long run, for the binary's progress bar.

/// Told how a long run is going; the binary draws a progress bar with it.
/// Calls come from any thread, in no set order: nothing that decides the
/// output may depend on them.
pub trait Progress: Sync {
    /// A stage begins, with `total` steps.
    fn stage(&self, name: &'static str, total: usize);
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: usize);
    /// The current stage is over.
    fn done(&self);
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn stage(&self, _: &'static str, _: usize) {}
    fn advance(&self, _: usize) {}
    fn done(&self) {}
}
