//! Microsoft Recognizers-Text number and currency specs.
//!
//! A case passes when the multiset of values we return equals the expected
//! one (relative tolerance 1e-6); for currencies the units must match too.
//! Cases marked `NotSupported` for dotnet (the reference implementation) are
//! skipped and counted in the suite name.

use std::path::Path;

use claimcheck::{Unit, recognize_numbers};
use serde_json::Value;

use crate::Score;

fn load(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn dotnet_unsupported(case: &Value) -> bool {
    case.get("NotSupported")
        .and_then(Value::as_str)
        .is_some_and(|s| s.split(',').any(|p| p.trim() == "dotnet"))
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// Whether two multisets of (value, label) pairs are equal.
fn same<L: PartialEq + std::fmt::Debug>(mut got: Vec<(f64, L)>, want: &[(f64, L)]) -> bool {
    if got.len() != want.len() {
        return false;
    }
    for (v, l) in want {
        match got.iter().position(|(g, gl)| close(*g, *v) && gl == l) {
            Some(p) => {
                got.swap_remove(p);
            }
            None => return false,
        }
    }
    true
}

fn parse_value(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

fn leak_name(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

pub fn score_numbers(dir: &Path, verbose: bool) -> Result<Score, String> {
    let cases = load(&dir.join("recognizers-text/Specs/Number/English/NumberModel.json"))?;
    let (mut passed, mut total, mut skipped) = (0, 0, 0);
    for case in &cases {
        if dotnet_unsupported(case) {
            skipped += 1;
            continue;
        }
        let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
        let want: Vec<(f64, ())> = case
            .get("Results")
            .and_then(Value::as_array)
            .map(|rs| {
                rs.iter()
                    .filter_map(|r| parse_value(r.get("Resolution").and_then(|x| x.get("value"))))
                    .map(|v| (v, ()))
                    .collect()
            })
            .unwrap_or_default();
        let got_m = recognize_numbers(input);
        let got: Vec<(f64, ())> = got_m
            .iter()
            .flat_map(|m| std::iter::once(m.amount.value).chain(m.amount.upper))
            .map(|v| (v, ()))
            .collect();
        total += 1;
        if same(got.clone(), &want) {
            passed += 1;
        } else if verbose {
            let w: Vec<f64> = want.iter().map(|x| x.0).collect();
            let g: Vec<String> = got_m
                .iter()
                .map(|m| format!("{:?}={}", &input[m.span.clone()], m.amount.value))
                .collect();
            eprintln!("numbers FAIL {input:?}: want {w:?}, got {g:?}");
        }
    }
    let name = leak_name(format!(
        "recognizers-text numbers ({skipped} dotnet-unsupported skipped)"
    ));
    Ok(Score {
        name,
        passed,
        total,
        target: Some(0.90),
    })
}

/// Spec unit names an ISO code or currency word of ours may stand for.
fn unit_names(code: &str) -> &'static [&'static str] {
    match code {
        "USD" => &["Dollar", "United States dollar"],
        "GBP" => &["Pound", "British pound"],
        "EUR" => &["Euro"],
        "CNY" => &["Chinese yuan"],
        "JPY" => &["Japanese yen"],
        "CAD" => &["Canadian dollar"],
        "AUD" => &["Australian dollar"],
        "HKD" => &["Hong Kong dollar"],
        "NZD" => &["New Zealand dollar"],
        "SGD" => &["Singapore dollar"],
        "MXN" => &["Mexican peso"],
        "CHF" => &["Swiss franc"],
        "TRY" => &["Turkish lira"],
        "FIM" => &["Finnish markka"],
        "NLG" => &["Netherlands guilder"],
        "ESP" => &["Peseta"],
        "LKR" => &["Sri Lankan rupee"],
        "INR" => &["Indian rupee"],
        "PKR" => &["Pakistani rupee"],
        "RUB" => &["Russian ruble"],
        "CRC" => &["Costa Rican colón"],
        "GEL" => &["Georgian lari"],
        "LAK" => &["Lao kip"],
        "BTC" => &["Bitcoin"],
        "KRW" => &["South Korean won"],
        "franc" => &["Franc"],
        "rupee" => &["Rupee"],
        "cent" => &["Cent"],
        "penny" => &["Pence", "Penny"],
        "peso" => &["Peso"],
        "dinar" => &["Dinar"],
        _ => &[],
    }
}

pub fn score_currency(dir: &Path, verbose: bool) -> Result<Score, String> {
    let cases =
        load(&dir.join("recognizers-text/Specs/NumberWithUnit/English/CurrencyModel.json"))?;
    let (mut passed, mut total, mut skipped) = (0, 0, 0);
    for case in &cases {
        if dotnet_unsupported(case) {
            skipped += 1;
            continue;
        }
        let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
        // Only value + unit pairs count (some expected results are a bare unit).
        let want: Vec<(f64, String)> = case
            .get("Results")
            .and_then(Value::as_array)
            .map(|rs| {
                rs.iter()
                    .filter_map(|r| {
                        let res = r.get("Resolution")?;
                        let v = parse_value(res.get("value"))?;
                        let u = res.get("unit")?.as_str()?.to_string();
                        Some((v, u))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let found = recognize_numbers(input);
        let mut got: Vec<(f64, String)> = Vec::new();
        let mut described = Vec::new();
        for m in &found {
            let Unit::Currency(code) = &m.amount.unit else {
                continue;
            };
            described.push(format!(
                "{:?}={} {code}",
                &input[m.span.clone()],
                m.amount.value
            ));
            let names = unit_names(code);
            // Take the spec's name when it is one of ours, else our first.
            let name = want
                .iter()
                .map(|(_, u)| u.as_str())
                .find(|u| names.contains(u))
                .or(names.first().copied())
                .unwrap_or(code.as_str());
            got.push((m.amount.value, name.to_string()));
            if let Some(up) = m.amount.upper {
                got.push((up, name.to_string()));
            }
        }
        total += 1;
        if same(got, &want) {
            passed += 1;
        } else if verbose {
            eprintln!("currency FAIL {input:?}: want {want:?}, got {described:?}");
        }
    }
    let name = leak_name(format!(
        "recognizers-text currency ({skipped} dotnet-unsupported skipped)"
    ));
    Ok(Score {
        name,
        passed,
        total,
        target: Some(0.80),
    })
}
