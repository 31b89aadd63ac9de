//! The bundled rules file validates, broken copies fail with an error naming the bad entry, and the
//! table the app is built with (`src/rules/rules_table.rs`, generated here) is exactly the file.

use chrono::{Datelike, NaiveDate};
use isumi_check::rules::data::{fnv1a64, rules, Rules, RulesError, RULES_JSON};
use serde_json::{json, Value};

fn bundled() -> Value {
    serde_json::from_str(RULES_JSON).expect("bundled rules are JSON")
}

fn error_of(v: &Value) -> String {
    match Rules::from_json(&v.to_string()) {
        Ok(_) => panic!("broken copy was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bundled_file_validates_and_is_stamped() {
    let r = Rules::from_json(RULES_JSON).unwrap_or_else(|e| panic!("{e}"));
    if !updating() {
        // (While regenerating, this build still has the old table.)
        assert_eq!(r.stamp(), rules().stamp(), "run `{REGENERATE}`");
    }
    assert_eq!(r.stamp().version, r.version);
    assert!(r.stamp().hash.chars().all(|c| c.is_ascii_hexdigit()));
    // Any edit changes the hash.
    let version = format!("\"version\": \"{}\"", r.version);
    assert!(RULES_JSON.contains(&version));
    let edited = RULES_JSON.replacen(&version, "\"version\": \"9999.1.1\"", 1);
    let r2 = Rules::from_json(&edited).expect("still valid");
    assert_ne!(r2.stamp().hash, r.stamp().hash);
}

#[test]
fn broken_copies_name_the_entry() {
    let mut v = bundled();
    v["fee_schedules"][1]["tiers"][1]["up_to"] = json!(50000);
    assert_eq!(
        error_of(&v),
        "fee_schedules[1].tiers[1]: bounds not ascending"
    );

    let mut v = bundled();
    v["fee_schedules"][2]["from"] = json!("2019-09-01");
    assert!(
        error_of(&v).starts_with("fee_schedules[2].from: date ranges overlap"),
        "{}",
        error_of(&v)
    );

    let mut v = bundled();
    v["caps"][0]["yen"] = json!(0);
    assert_eq!(error_of(&v), "caps[0]: cap must be > 0");

    let mut v = bundled();
    v["criteria"][2]["wording"]["en"] = json!("");
    assert_eq!(
        error_of(&v),
        "criteria[2].wording.en: missing English wording"
    );

    let mut v = bundled();
    v["assumptions"][3]["id"] = json!(" ");
    assert_eq!(error_of(&v), "assumptions[3]: missing id");

    let mut v = bundled();
    v["assumptions"][0]["default"] = json!("contract_date");
    assert!(error_of(&v).starts_with("assumptions[0].default:"));

    // An open point with two implemented settings accepts either, and nothing else.
    let at = |v: &Value, id: &str| {
        v["assumptions"]
            .as_array()
            .expect("assumptions")
            .iter()
            .position(|a| a["id"] == id)
            .expect("assumption present")
    };
    let mut v = bundled();
    let i = at(&v, "fees_while_eligible");
    assert_eq!(v["assumptions"][i]["default"], "only_while_eligible");
    v["assumptions"][i]["default"] = json!("whole_year");
    let r = Rules::from_json(&v.to_string()).expect("whole_year is implemented");
    assert!(r.counts_whole_first_year());
    v["assumptions"][i]["default"] = json!("sometimes");
    let e = error_of(&v);
    assert!(
        e.starts_with(&format!("assumptions[{i}].default:"))
            && e.contains("\"only_while_eligible\", \"whole_year\""),
        "{e}"
    );
    let mut v = bundled();
    let i = at(&v, "fees_while_eligible");
    v["assumptions"].as_array_mut().expect("list").remove(i);
    assert_eq!(
        error_of(&v),
        "assumptions: missing assumption \"fees_while_eligible\""
    );

    let mut v = bundled();
    v["fee_schedules"][0]["tiers"][0]["rate_bp"] = json!(20000);
    assert!(error_of(&v).starts_with("fee_schedules[0].tiers[0].rate_bp:"));

    let mut v = bundled();
    v["fee_schedules"][2]["source"]["url"] = json!("crowdworks.jp");
    assert!(error_of(&v).starts_with("fee_schedules[2].source.url:"));
}

#[test]
fn type_errors_and_unknown_fields_are_json_errors() {
    let mut v = bundled();
    v["caps"][0]["yen"] = json!("30000");
    assert!(matches!(
        Rules::from_json(&v.to_string()),
        Err(RulesError::Json(_))
    ));
    let mut v = bundled();
    v["caps"][0]["yenn"] = json!(1);
    let e = Rules::from_json(&v.to_string()).expect_err("unknown field");
    assert!(e.to_string().contains("yenn"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// The compiled-in table (`src/rules/rules_table.rs`), generated from rules.json.

/// Where the generated table lives, and how to regenerate it.
const TABLE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/rules_table.rs");
const REGENERATE: &str = "UPDATE_RULES_TABLE=1 cargo test --test rules_data";

/// Whether this run regenerates the table (`UPDATE_RULES_TABLE` set).
fn updating() -> bool {
    std::env::var_os("UPDATE_RULES_TABLE").is_some()
}

/// The app builds its rules from `rules_table.rs` (no JSON parser ships): it must be exactly what
/// rules.json says, hash included. Run with `UPDATE_RULES_TABLE=1` to regenerate it.
#[test]
fn compiled_table_is_rules_json() {
    let parsed = Rules::from_json(RULES_JSON).unwrap_or_else(|e| panic!("{e}"));
    let source = table_source(&parsed);
    if updating() {
        let old = std::fs::read_to_string(TABLE_PATH).unwrap_or_default();
        if old != source {
            std::fs::write(TABLE_PATH, &source).expect("write src/rules/rules_table.rs");
            eprintln!("rules_data: regenerated src/rules/rules_table.rs; rebuild to use it");
        }
        return;
    }
    // The table compiled into this build, field by field against the parsed file.
    let table = rules();
    if let Some(diff) = first_difference(
        "",
        &serde_json::to_value(table).expect("table serializes"),
        &serde_json::to_value(&parsed).expect("rules serialize"),
    ) {
        panic!("src/rules/rules_table.rs differs from rules.json at {diff}; run `{REGENERATE}`");
    }
    assert_eq!(
        table.stamp(),
        parsed.stamp(),
        "the table's version, date or hash is not rules.json's; run `{REGENERATE}`"
    );
    // And the file is exactly what the generator writes (no hand edits).
    let committed = std::fs::read_to_string(TABLE_PATH).expect("read src/rules/rules_table.rs");
    assert!(
        committed == source,
        "src/rules/rules_table.rs is not the generator's output; run `{REGENERATE}`"
    );
}

/// The first path at which two JSON values differ, with both values.
fn first_difference(path: &str, table: &Value, file: &Value) -> Option<String> {
    let at = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match (table, file) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| {
                let null = Value::Null;
                first_difference(&at(k), a.get(k).unwrap_or(&null), b.get(k).unwrap_or(&null))
            })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(&format!("{path}[{i}]"), x, y)),
        _ if table == file => None,
        _ => Some(format!(
            "{}: table has {table}, rules.json has {file}",
            if path.is_empty() { "(top)" } else { path }
        )),
    }
}

/// Rust source building `rules` (the generator of `src/rules/rules_table.rs`). Every type is
/// destructured in full, so a new field fails to compile here until the generator writes it.
fn table_source(r: &Rules) -> String {
    use isumi_check::rules::data::{
        hash_hex, Assumption, Bounds, Cap, Criterion, FeeSchedule, FiscalYearStart, NotCovered,
        Program, QuickDefaults, Source, Tax, TaxMode, Tier,
    };
    use isumi_check::rules::housing::Housing;
    use isumi_check::rules::Text;
    use std::fmt::Write;

    fn s(v: &str) -> String {
        format!("s({v:?})")
    }
    fn t(v: &Text) -> String {
        let Text { ja, en } = v;
        format!("t({ja:?}, {en:?})")
    }
    fn d(v: NaiveDate) -> String {
        format!("d({}, {}, {})", v.year(), v.month(), v.day())
    }
    fn od(v: Option<NaiveDate>) -> String {
        v.map_or("None".to_owned(), |v| format!("Some({})", d(v)))
    }
    fn source(v: &Source, ind: &str) -> String {
        let Source { url, checked, note } = v;
        let note = note
            .as_deref()
            .map_or("None".to_owned(), |n| format!("Some({})", s(n)));
        format!(
            "Source {{\n{ind}    url: {},\n{ind}    checked: {},\n{ind}    note: {note},\n{ind}}}",
            s(url),
            d(*checked)
        )
    }
    fn list(items: Vec<String>, ind: &str) -> String {
        let mut out = "vec![\n".to_owned();
        for item in items {
            let _ = writeln!(out, "{ind}    {item},");
        }
        out + ind + "]"
    }

    let Rules {
        about,
        version,
        checked,
        program,
        fiscal_year,
        caps,
        criteria,
        fee_schedules,
        not_covered,
        assumptions,
        quick_estimate,
        ..
    } = r;
    let Program {
        name,
        city,
        start,
        reported_months,
        reported_end,
        end,
        paid_when,
        desk_note,
        source: program_source,
    } = program;
    let FiscalYearStart {
        start_month,
        start_day,
        source: fy_source,
    } = fiscal_year;
    let QuickDefaults {
        monthly_earnings,
        contract_size,
        pay_day,
        hourly_pay_days,
        max_contracts_per_month,
        assumption,
    } = quick_estimate;
    let bounds = |b: &Bounds| {
        let Bounds { low, high } = b;
        format!("Bounds {{ low: {low}, high: {high} }}")
    };
    let i4 = "                ";
    let caps = caps
        .iter()
        .map(|c| {
            let Cap {
                housing,
                yen,
                label,
                source: src,
            } = c;
            let housing = match housing {
                Housing::Shared => "Housing::Shared",
                Housing::Individual => "Housing::Individual",
            };
            format!(
                "Cap {{\n{i4}housing: {housing},\n{i4}yen: {yen},\n{i4}label: {},\n{i4}source: {},\n            }}",
                t(label),
                source(src, i4)
            )
        })
        .collect();
    let criteria = criteria
        .iter()
        .map(|c| {
            let Criterion {
                id,
                question,
                wording,
                action,
                source: src,
            } = c;
            format!(
                "Criterion {{\n{i4}id: {},\n{i4}question: {},\n{i4}wording: {},\n{i4}action: {},\n{i4}source: {},\n            }}",
                s(id),
                s(question),
                t(wording),
                t(action),
                source(src, i4)
            )
        })
        .collect();
    let fee_schedules = fee_schedules
        .iter()
        .map(|f| {
            let FeeSchedule {
                id,
                from,
                to,
                tax,
                tiers,
                task_rate_bp,
                source: src,
            } = f;
            let Tax { mode, rate_bp } = tax;
            let mode = match mode {
                TaxMode::Included => "TaxMode::Included",
                TaxMode::Added => "TaxMode::Added",
            };
            let tiers = tiers
                .iter()
                .map(|tier| {
                    let Tier { up_to, rate_bp } = tier;
                    let up_to = up_to.map_or("None".to_owned(), |u| format!("Some({u})"));
                    format!("Tier {{ up_to: {up_to}, rate_bp: {rate_bp} }}")
                })
                .collect();
            format!(
                "FeeSchedule {{\n{i4}id: {},\n{i4}from: {},\n{i4}to: {},\n{i4}tax: Tax {{ mode: {mode}, rate_bp: {rate_bp} }},\n{i4}tiers: {},\n{i4}task_rate_bp: {task_rate_bp},\n{i4}source: {},\n            }}",
                s(id),
                d(*from),
                od(*to),
                list(tiers, i4),
                source(src, i4)
            )
        })
        .collect();
    let not_covered = not_covered
        .iter()
        .map(|n| {
            let NotCovered {
                id,
                wording,
                source: src,
            } = n;
            format!(
                "NotCovered {{\n{i4}id: {},\n{i4}wording: {},\n{i4}source: {},\n            }}",
                s(id),
                t(wording),
                source(src, i4)
            )
        })
        .collect();
    let assumptions = assumptions
        .iter()
        .map(|a| {
            let Assumption {
                id,
                default,
                wording,
                source: src,
            } = a;
            format!(
                "Assumption {{\n{i4}id: {},\n{i4}default: {},\n{i4}wording: {},\n{i4}source: {},\n            }}",
                s(id),
                s(default),
                t(wording),
                source(src, i4)
            )
        })
        .collect();
    let stamp = r.stamp();
    let hash = &stamp.hash;
    assert_eq!(*hash, hash_hex(fnv1a64(RULES_JSON.as_bytes())));
    let i2 = "        ";
    let mut out = String::new();
    let _ = write!(
        out,
        "\
//! GENERATED from `src/rules/rules.json` by the test `compiled_table_is_rules_json`
//! (tests/rules_data.rs). Do not edit: edit rules.json, then regenerate with
//! `{REGENERATE}`.
//! `cargo test` fails, naming the first differing entry, while this file is not rules.json's.
//! The app builds its rules from this table, so no JSON parser or rules deserializer ships.

use super::*;

/// FNV-1a 64 of the rules.json this table was generated from.
pub(super) const HASH: u64 = 0x{hash};

/// The rules of rules.json, version {version}.
pub(super) fn table() -> Rules {{
    Rules {{
        about: {about},
        version: {version_s},
        checked: {checked},
        program: Program {{
            name: {name},
            city: {city},
            start: {start},
            reported_months: {reported_months},
            reported_end: {reported_end},
            end: {end},
            paid_when: {paid_when},
            desk_note: {desk_note},
            source: {program_source},
        }},
        fiscal_year: FiscalYearStart {{
            start_month: {start_month},
            start_day: {start_day},
            source: {fy_source},
        }},
        caps: {caps},
        criteria: {criteria},
        fee_schedules: {fee_schedules},
        not_covered: {not_covered},
        assumptions: {assumptions},
        quick_estimate: QuickDefaults {{
            monthly_earnings: {monthly_earnings},
            contract_size: {contract_size},
            pay_day: {pay_day},
            hourly_pay_days: vec!{hourly_pay_days:?},
            max_contracts_per_month: {max_contracts_per_month},
            assumption: {assumption},
        }},
        stamp: RulesStamp {{
            version: {stamp_version},
            checked: {stamp_checked},
            hash: hash_hex(HASH),
        }},
    }}
}}

fn s(v: &str) -> String {{
    v.to_owned()
}}

fn t(ja: &str, en: &str) -> Text {{
    Text::new(ja, en)
}}

fn d(year: i32, month: u32, day: u32) -> NaiveDate {{
    // The generator writes only dates rules.json gave as valid YYYY-MM-DD.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}}
",
        about = t(about),
        version_s = s(version),
        checked = d(*checked),
        name = t(name),
        city = t(city),
        start = d(*start),
        reported_end = d(*reported_end),
        end = od(*end),
        paid_when = t(paid_when),
        desk_note = t(desk_note),
        program_source = source(program_source, "            "),
        fy_source = source(fy_source, "            "),
        caps = list(caps, i2),
        criteria = list(criteria, i2),
        fee_schedules = list(fee_schedules, i2),
        not_covered = list(not_covered, i2),
        assumptions = list(assumptions, i2),
        monthly_earnings = bounds(monthly_earnings),
        contract_size = bounds(contract_size),
        assumption = s(assumption),
        stamp_version = s(&stamp.version),
        stamp_checked = d(stamp.checked),
    );
    out
}
