//! Property tests of the scenario reader: for random files with values at and just past every
//! bound, the reader accepts a file exactly when every bound holds (the bounds restated here,
//! independently of `limits.rs`), and an accepted file written back with `to_json` reads back equal.

use chrono::NaiveDate;
use isumi_check::rules::applicant::Applicant;
use isumi_check::rules::limits::MAX_FILE_BYTES;
use isumi_check::rules::scenario::{read_scenario, ScenarioError, ScenarioFile};
use proptest::prelude::*;
use serde_json::{json, Value};

const MAX: u64 = 1_000_000_000;
const BIDI: &[char] = &[
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => 0..100_000u64,
        2 => prop::sample::select(vec![0, 1, MAX]),
        2 => 0..=MAX,
        1 => prop::sample::select(vec![MAX + 1, u64::MAX]),
    ]
}

fn fiscal_year() -> impl Strategy<Value = i32> {
    prop_oneof![
        4 => 2018..=2099i32,
        1 => prop::sample::select(vec![2017, 2018, 2099, 2100, 0, -1, 9999, i32::MIN, i32::MAX]),
        1 => 2010..2110i32,
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        prop::sample::select(vec![
            d(2015, 9, 30),
            d(2015, 10, 1),
            d(2099, 12, 31),
            d(2100, 1, 1),
            d(1999, 1, 1),
        ]),
        // 2015-09-20 … 2100-01-10
        (0u64..30_800).prop_map(|n| d(2015, 9, 20) + chrono::Days::new(n)),
    ]
}

/// Texts at and past the text bounds: plain, with terminal controls (allowed), with a bidi
/// control, 256 and 257 characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        8 => "[a-zA-Z0-9 契約いすみ市]{0,12}",
        1 => Just("\u{1b}[31m赤\u{7f}\u{85}".to_string()),
        1 => prop::sample::select(BIDI).prop_map(|c| format!("大原{c}1234")),
        1 => Just("あ".repeat(256)),
        1 => Just("あ".repeat(257)),
    ]
}

#[derive(Clone, Debug)]
struct Contract {
    label: String,
    kind: &'static str,
    payments: Vec<(NaiveDate, u64)>,
}

#[derive(Clone, Debug)]
enum Estimate {
    None,
    Quick {
        monthly: Option<u64>,
        size: Option<u64>,
        mix: (u32, u32, u32),
        /// Months from April of the fiscal year.
        first: Option<i32>,
    },
    Detailed(Vec<Contract>),
    /// (months from April of the fiscal year, fees)
    Actual(Vec<(i32, u64)>),
}

#[derive(Clone, Debug)]
struct Spec {
    fy: i32,
    estimate: Estimate,
    applicant: Option<(String, String)>,
}

fn contract() -> impl Strategy<Value = Contract> {
    (
        text(),
        prop::sample::select(vec!["fixed", "hourly", "task", "contest"]),
        prop::collection::vec((date(), amount()), 0..4),
    )
        .prop_map(|(label, kind, payments)| Contract {
            label,
            kind,
            payments,
        })
}

/// Contracts: a few random ones, and now and then bulk at the count bounds (100 / 101 contracts,
/// 400 / 401 payments in one, 2,000 / 2,001 in all).
fn contracts() -> impl Strategy<Value = Vec<Contract>> {
    let bulk = |label: &str, n: usize| Contract {
        label: label.to_string(),
        kind: "hourly",
        payments: vec![(d(2020, 5, 1), 1000); n],
    };
    (
        prop::collection::vec(contract(), 0..4),
        prop_oneof![6 => Just(0usize), 1 => prop::sample::select(vec![96usize, 97, 100])],
        prop_oneof![6 => Just(None), 1 => prop::sample::select(vec![Some(399), Some(400), Some(401)])],
        prop_oneof![6 => Just(0usize), 1 => prop::sample::select(vec![1usize, 4])],
    )
        .prop_map(move |(mut cs, empty, big, fours)| {
            cs.extend((0..empty).map(|_| bulk("", 0)));
            if let Some(n) = big {
                cs.push(bulk("big", n));
            }
            cs.extend((0..fours).map(|_| bulk("full", 400)));
            cs
        })
}

fn mix() -> impl Strategy<Value = (u32, u32, u32)> {
    prop_oneof![
        4 => (0u32..=100, 0u32..=100, prop::sample::select(vec![-1i64, 0, 0, 0, 1])).prop_map(
            |(a, b, nudge)| {
                let (a, b) = (a.min(100), b.min(100 - a.min(100)));
                let c = (100 - i64::from(a) - i64::from(b) + nudge).max(0) as u32;
                (a, b, c)
            }
        ),
        1 => Just((u32::MAX, u32::MAX, 2)),
        1 => (any::<u32>(), any::<u32>(), any::<u32>()),
    ]
}

fn estimate() -> impl Strategy<Value = Estimate> {
    prop_oneof![
        Just(Estimate::None),
        (
            prop::option::of(amount()),
            prop::option::of(amount()),
            mix(),
            prop::option::of(-3i32..15)
        )
            .prop_map(|(monthly, size, mix, first)| Estimate::Quick {
                monthly,
                size,
                mix,
                first
            }),
        contracts().prop_map(Estimate::Detailed),
        prop_oneof![
            // Mostly distinct months of the year…
            3 => (prop::sample::subsequence((0..12).collect::<Vec<i32>>(), 0..=12), prop::collection::vec(amount(), 12))
                .prop_map(|(months, fees)| months.into_iter().zip(fees).collect()),
            // …and now and then anything: duplicates, other years, more than 12.
            1 => prop::collection::vec((-2i32..14, amount()), 0..15),
        ]
        .prop_map(Estimate::Actual),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        fiscal_year(),
        estimate(),
        prop::option::of((text(), text())),
    )
        .prop_map(|(fy, estimate, applicant)| Spec {
            fy,
            estimate,
            applicant,
        })
}

/// "YYYY-MM" of the month `offset` months from April of `fy` (`None` when not writable with a
/// four-digit year: such a month is left out of the file).
fn month(fy: i32, offset: i32) -> Option<String> {
    let idx = i64::from(fy) * 12 + 3 + i64::from(offset);
    let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) + 1);
    (0..=9999).contains(&y).then(|| format!("{y:04}-{m:02}"))
}

fn to_json(s: &Spec) -> Value {
    let estimate = match &s.estimate {
        Estimate::None => Value::Null,
        Estimate::Quick {
            monthly,
            size,
            mix,
            first,
        } => json!({
            "mode": "quick",
            "monthly_earnings": monthly,
            "contract_size": size,
            "mix": { "fixed": mix.0, "hourly": mix.1, "task": mix.2 },
            "first_month": first.and_then(|o| month(s.fy, o)),
        }),
        Estimate::Detailed(cs) => json!({
            "mode": "detailed",
            "contracts": cs.iter().map(|c| json!({
                "label": c.label,
                "kind": c.kind,
                "payments": c.payments.iter().map(|(date, amount)| json!({
                    "date": date.to_string(), "amount": amount
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }),
        Estimate::Actual(ms) => json!({
            "mode": "actual",
            "months": ms.iter().filter_map(|(o, fees)| {
                month(s.fy, *o).map(|m| json!({ "month": m, "fees": fees }))
            }).collect::<Vec<_>>(),
        }),
    };
    let applicant = s.applicant.as_ref().map(|(name, address)| {
        json!({ "name": name, "address": address, "bank": { "bank_name": name } })
    });
    json!({
        "format": "isumi-check",
        "format_version": 1,
        "fiscal_year": s.fy,
        "estimate": estimate,
        "applicant": applicant,
    })
}

fn text_ok(t: &str) -> bool {
    !t.chars().any(|c| BIDI.contains(&c)) && t.chars().count() <= 256
}

/// Every bound, restated from the issue.
fn within_bounds(s: &Spec) -> bool {
    let fy = s.fy;
    let in_year = |o: i32| (0..12).contains(&o);
    let estimate_ok = match &s.estimate {
        Estimate::None => true,
        Estimate::Quick {
            monthly,
            size,
            mix,
            first,
        } => {
            monthly.is_none_or(|m| m <= MAX)
                && size.is_none_or(|z| (1..=MAX).contains(&z))
                && u64::from(mix.0) + u64::from(mix.1) + u64::from(mix.2) == 100
                && first.is_none_or(|o| month(fy, o).is_none() || in_year(o))
        }
        Estimate::Detailed(cs) => {
            let total: usize = cs.iter().map(|c| c.payments.len()).sum();
            cs.len() <= 100
                && (1..=2000).contains(&total)
                && cs.iter().all(|c| {
                    c.payments.len() <= 400
                        && text_ok(&c.label)
                        && c.payments.iter().all(|(date, amount)| {
                            *date >= d(2015, 10, 1) && *date <= d(2099, 12, 31) && *amount <= MAX
                        })
                })
        }
        Estimate::Actual(ms) => {
            let written: Vec<&(i32, u64)> =
                ms.iter().filter(|(o, _)| month(fy, *o).is_some()).collect();
            let mut seen = Vec::new();
            (1..=12).contains(&written.len())
                && written.iter().all(|(o, fees)| {
                    let fresh = !seen.contains(o);
                    seen.push(*o);
                    in_year(*o) && fresh && *fees <= MAX
                })
        }
    };
    let applicant_ok = s
        .applicant
        .as_ref()
        .is_none_or(|(name, address)| text_ok(name) && text_ok(address));
    (2018..=2099).contains(&fy) && estimate_ok && applicant_ok
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Accepted ⇔ every bound holds; a refusal names a field; an accepted file round-trips.
    #[test]
    fn accepted_exactly_when_every_bound_holds(s in spec()) {
        let text = serde_json::to_string(&to_json(&s)).expect("json");
        let got = read_scenario(&text);
        let want = within_bounds(&s);
        prop_assert_eq!(got.is_ok(), want, "{:?}\n{:?}", s, got.as_ref().err());
        match got {
            Ok(f) => {
                let back = f.to_json().expect("to_json");
                prop_assert!(back.len() <= MAX_FILE_BYTES);
                prop_assert_eq!(read_scenario(&back), Ok(f));
            }
            // Well-formed files are only ever refused for a bound, by field.
            Err(ScenarioError::Invalid(v)) => prop_assert!(!v.path.is_empty()),
            Err(e) => prop_assert!(false, "refused for something else: {e:?}"),
        }
    }
}

/// The text bound keeps every accepted file, written back with its indentation, under the file
/// cap: the largest file the bounds allow (every count and text at its maximum, every character
/// written as a six-byte escape) still fits.
#[test]
fn the_largest_accepted_file_fits_when_written_back() {
    let worst = "\u{1}".repeat(256); // serde_json writes it as \u0001: 6 bytes a character
    let payments: Vec<Value> = (0..20)
        .map(|_| json!({ "date": "2099-12-31", "amount": MAX }))
        .collect();
    let contracts: Vec<Value> = (0..100)
        .map(|_| json!({ "label": worst, "kind": "contest", "payments": payments }))
        .collect();
    let mut applicant = serde_json::Map::new();
    for field in [
        "name",
        "furigana",
        "birth_date",
        "address",
        "phone",
        "email",
        "crowdworks_user",
        "hinode_member_no",
        "housing_moved_in",
        "requested_amount",
    ] {
        applicant.insert(field.into(), json!(worst));
    }
    let mut bank = serde_json::Map::new();
    for field in [
        "bank_name",
        "bank_code",
        "branch_name",
        "branch_code",
        "account_number",
        "holder_kana",
    ] {
        bank.insert(field.into(), json!(worst));
    }
    applicant.insert("bank".into(), Value::Object(bank));
    let file = json!({
        "format": "isumi-check", "format_version": 1, "fiscal_year": 2099,
        "estimate": { "mode": "detailed", "contracts": contracts },
        "applicant": applicant,
    });
    let f: ScenarioFile = read_scenario(&file.to_string()).expect("the largest file is accepted");
    let a: &Applicant = f.applicant.as_ref().expect("applicant");
    assert_eq!(a.bank.holder_kana.chars().count(), 256);
    let back = f.to_json().expect("to_json");
    assert!(
        back.len() < MAX_FILE_BYTES,
        "{} bytes written back",
        back.len()
    );
    assert_eq!(read_scenario(&back), Ok(f));
}
