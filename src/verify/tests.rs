use super::matching::{Relation, compare_amounts, compare_dates, same_person};
use crate::extract::{Amount, Bound, DateValue, Granularity, Unit};

fn amount(value: f64, bound: Bound) -> Amount {
    Amount {
        value,
        upper: None,
        bound,
        unit: Unit::Count,
    }
}

#[test]
fn amounts() {
    use Bound::*;
    use Relation::*;
    let cases = [
        // (claim, fact, relation)
        ((4.0, Exact), (4.0, Exact), Match),
        ((4.0, Exact), (5.0, Exact), Conflict),
        ((15.0, Approx), (15.0, Approx), Match),
        ((15.0, Exact), (15.0, Approx), Match),
        ((8.0, AtLeast), (8.0, AtLeast), Match),
        ((8.0, AtLeast), (10.0, Exact), Match),
        ((10.0, Exact), (8.0, AtLeast), Neither),
        ((10.0, Exact), (12.0, AtLeast), Conflict),
        ((5.0, LessThan), (5.0, Exact), Conflict),
        ((5.0, AtMost), (5.0, Exact), Match),
    ];
    for ((cv, cb), (fv, fb), want) in cases {
        let (got, _) = compare_amounts(&amount(cv, cb), &amount(fv, fb));
        assert_eq!(got, want, "claim {cv} {cb:?} vs fact {fv} {fb:?}");
    }
    let usd = Amount {
        value: 4.0,
        upper: None,
        bound: Exact,
        unit: Unit::Currency("USD".into()),
    };
    assert_eq!(
        compare_amounts(&usd, &amount(4.0, Exact)).0,
        Neither,
        "units differ"
    );
}

fn day(s: &str) -> DateValue {
    let d: jiff::civil::Date = s.parse().unwrap();
    DateValue {
        start: Some(d),
        end: Some(d),
        granularity: Granularity::Day,
        weekday: Some(d.weekday()),
        month: Some(d.month()),
        relative: false,
    }
}

fn weekday(w: jiff::civil::Weekday) -> DateValue {
    DateValue {
        start: None,
        end: None,
        granularity: Granularity::Day,
        weekday: Some(w),
        month: None,
        relative: true,
    }
}

fn month(y: i16, m: i8) -> DateValue {
    let s = jiff::civil::date(y, m, 1);
    DateValue {
        start: Some(s),
        end: Some(s.last_of_month()),
        granularity: Granularity::Month,
        weekday: None,
        month: Some(m),
        relative: false,
    }
}

#[test]
fn dates() {
    use Relation::*;
    use jiff::civil::Weekday::*;
    let cases = [
        (day("2015-08-19"), day("2015-08-19"), Match),
        (day("2015-08-19"), day("2015-08-18"), Conflict),
        (month(2015, 8), day("2015-08-19"), Match),
        (day("2015-08-19"), month(2015, 8), Neither),
        (month(2015, 7), day("2015-08-19"), Conflict),
        (weekday(Wednesday), day("2015-08-19"), Match),
        (weekday(Tuesday), day("2015-08-19"), Conflict),
        (weekday(Wednesday), weekday(Wednesday), Match),
        (weekday(Tuesday), weekday(Wednesday), Conflict),
        (day("2015-08-19"), weekday(Wednesday), Neither),
        (day("2015-08-18"), weekday(Wednesday), Conflict),
    ];
    for (claim, fact, want) in cases {
        assert_eq!(compare_dates(&claim, &fact), want, "{claim:?} vs {fact:?}");
    }
}

#[test]
fn person_names() {
    for (claim, fact, want) in [
        ("Sergei Shoigu", "Sergei Shoigu", true),
        ("Sergey Shoigu", "Sergei Shoigu", true),
        ("Shoigu", "Sergei Shoigu", true),
        ("Nawaz Sharif", "Raheel Sharif", false),
        ("Zafar Hilaly", "Sergei Shoigu", false),
        ("sergei shoigu", "Sergei Shoigu", true),
    ] {
        assert_eq!(same_person(claim, fact), want, "{claim} vs {fact}");
    }
}
