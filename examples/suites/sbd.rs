use std::path::Path;

use crate::Score;

pub fn score(_dir: &Path, _verbose: bool) -> Result<Score, String> {
    Err("sbd scorer not written yet".into())
}
