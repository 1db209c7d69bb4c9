use std::path::Path;

use crate::Score;

pub fn score_numbers(_dir: &Path, _verbose: bool) -> Result<Score, String> {
    Err("number scorer not written yet".into())
}

pub fn score_currency(_dir: &Path, _verbose: bool) -> Result<Score, String> {
    Err("currency scorer not written yet".into())
}
