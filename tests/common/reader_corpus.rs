//! The corpus of scenario files shared by the reader tests (`rules_reader.rs`: the command-line
//! tool against the engine's reader) and the app's reader test (`flow_file.rs`: the file opened in
//! the app, then read back from the app's model): the findings of the hostile-input campaign and
//! valid files, each with what it must give. Included with `#[path]` by each test.
#![allow(dead_code)]

use isumi_check::rules::amount::AmountError;
use isumi_check::rules::limits::MAX_FILE_BYTES;
use isumi_check::rules::Lang;

/// A scenario file around the given JSON members.
pub fn file(members: &str) -> String {
    format!(r#"{{"format":"isumi-check","format_version":1,{members}}}"#)
}

pub const ELIGIBLE_SHARED: &str = r#""answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"}"#;

pub fn detailed(fy: i32, contracts: &str) -> String {
    file(&format!(
        r#""fiscal_year":{fy},{ELIGIBLE_SHARED},"estimate":{{"mode":"detailed","contracts":[{contracts}]}}"#
    ))
}

pub fn actual(fy: i32, months: &str) -> String {
    file(&format!(
        r#""fiscal_year":{fy},{ELIGIBLE_SHARED},"estimate":{{"mode":"actual","months":[{months}]}}"#
    ))
}

pub fn quick(fy: i32, answers: &str) -> String {
    file(&format!(
        r#""fiscal_year":{fy},{ELIGIBLE_SHARED},"estimate":{{"mode":"quick",{answers}}}"#
    ))
}

pub fn payments(n: usize) -> String {
    vec![r#"{"date":"2019-05-01","amount":1000}"#; n].join(",")
}

/// What a case must give.
pub enum Want {
    /// Accepted, with these fees and subsidy (low end).
    Figures { fees: u64, subsidy: u64 },
    /// Accepted, no fees given.
    NoFees,
    /// Refused; the English message contains every needle.
    Refused(Vec<&'static str>),
}

pub fn corpus() -> Vec<(&'static str, Vec<u8>, Want)> {
    use Want::*;
    let s = |t: String| t.into_bytes();
    let valid = detailed(
        2019,
        r#"{"label":"契約A","kind":"fixed","payments":[{"date":"2019-11-01","amount":50000},{"date":"2019-11-15","amount":30000},{"date":"2019-11-29","amount":50000}]}"#,
    );
    // The form's own message for an amount over the limit.
    let too_large: &'static str = AmountError::TooLarge.message(Lang::En).leak();
    let mut padded_to_cap = valid.clone().into_bytes();
    padded_to_cap.resize(MAX_FILE_BYTES, b' ');
    let mut over_cap = padded_to_cap.clone();
    over_cap.push(b' ');
    let mut with_bom = "\u{FEFF}".as_bytes().to_vec();
    with_bom.extend_from_slice(valid.as_bytes());
    let mut two_boms = "\u{FEFF}".as_bytes().to_vec();
    two_boms.extend_from_slice(&with_bom);
    let mut not_utf8 = valid.clone().into_bytes();
    not_utf8.insert(60, 0xFF);
    let contract = r#"{"label":"A","kind":"fixed","payments":[]}"#;
    vec![
        // Valid files.
        (
            "detailed, domain.md milestones",
            s(valid.clone()),
            Figures {
                fees: 25_300,
                subsidy: 25_300,
            },
        ),
        ("no estimate", s(file(r#""fiscal_year":2026"#)), NoFees),
        // Nothing to estimate from: the form asks for at least one payment or month, so does a file.
        (
            "detailed with no payment",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[]}"#,
            )),
            Refused(vec!["estimate.contracts", "at least one payment"]),
        ),
        (
            "actual with no month",
            s(actual(2019, "")),
            Refused(vec!["estimate.months", "at least one month"]),
        ),
        (
            "FY2018 and FY2099 are the bounds",
            s(file(r#""fiscal_year":2099"#)),
            NoFees,
        ),
        (
            "quick",
            s(quick(
                2026,
                r#""monthly_earnings":125000,"contract_size":12500,"mix":{"fixed":100}"#,
            )),
            Figures {
                fees: 330_000,
                subsidy: 30_000,
            },
        ),
        (
            "actual",
            s(actual(2019, r#"{"month":"2019-05","fees":20000}"#)),
            Figures {
                fees: 20_000,
                subsidy: 20_000,
            },
        ),
        (
            "a UTF-8 byte-order mark is skipped",
            with_bom,
            Figures {
                fees: 25_300,
                subsidy: 25_300,
            },
        ),
        (
            "exactly the size cap (trailing spaces)",
            padded_to_cap,
            Figures {
                fees: 25_300,
                subsidy: 25_300,
            },
        ),
        (
            "first payment date of the fee data",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2015-10-01","amount":1000},{"date":"2019-05-01","amount":1000}]}"#,
            )),
            Figures {
                fees: 200,
                subsidy: 200,
            },
        ),
        (
            "amount at the limit",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"task","payments":[{"date":"2019-05-01","amount":1000000000}]}"#,
            )),
            Figures {
                fees: 200_000_000,
                subsidy: 30_000,
            },
        ),
        (
            "terminal controls in a label stay data",
            s(detailed(
                2019,
                r#"{"label":"\u001b[2K\u001b[32meligible\u0085\u007f","kind":"fixed","payments":[{"date":"2019-05-01","amount":1000}]}"#,
            )),
            Figures {
                fees: 200,
                subsidy: 200,
            },
        ),
        (
            "actual months wholly before the program are left out",
            s(actual(2018, r#"{"month":"2018-04","fees":40000}"#)),
            Figures {
                fees: 0,
                subsidy: 0,
            },
        ),
        // 400 hourly weeks of ¥1,000 before 2019-10: 20% each, tax inside → 80,000.
        (
            "400 payments in one contract",
            s(detailed(
                2019,
                &format!(
                    r#"{{"label":"A","kind":"hourly","payments":[{}]}}"#,
                    payments(400)
                ),
            )),
            Figures {
                fees: 80_000,
                subsidy: 30_000,
            },
        ),
        // Hostile-input findings: the CLI and the app used to disagree on these.
        (
            "duplicate month",
            s(actual(
                2019,
                r#"{"month":"2019-05","fees":20000},{"month":"2019-05","fees":20000}"#,
            )),
            Refused(vec!["estimate.months[1].month", "estimate.months[0]"]),
        ),
        (
            "first_month outside the fiscal year",
            s(quick(
                2019,
                r#""monthly_earnings":100000,"first_month":"2030-04""#,
            )),
            Refused(vec!["estimate.first_month", "FY2019"]),
        ),
        (
            "amount over the limit",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019-05-01","amount":2000000000}]}"#,
            )),
            Refused(vec!["estimate.contracts[0].payments[0].amount", too_large]),
        ),
        (
            "quick earnings over the limit",
            s(quick(2019, r#""monthly_earnings":2000000000"#)),
            Refused(vec!["estimate.monthly_earnings", too_large]),
        ),
        (
            "actual fees over the limit",
            s(actual(2019, r#"{"month":"2019-05","fees":1000000001}"#)),
            Refused(vec!["estimate.months[0].fees", too_large]),
        ),
        (
            "two byte-order marks",
            two_boms,
            Refused(vec!["not valid JSON"]),
        ),
        (
            "over the size cap",
            over_cap,
            Refused(vec!["too large", "1,000,000 bytes"]),
        ),
        ("not UTF-8", not_utf8, Refused(vec!["not UTF-8", "byte 61"])),
        // Unknown keys are refused in every object of the format, each named by its path.
        (
            "unknown key in quick",
            s(quick(2019, r#""monthly_earnings":1,"typo":1"#)),
            Refused(vec!["estimate.typo: unknown field", "monthly_earnings"]),
        ),
        (
            "unknown key in detailed",
            s(file(
                r#""fiscal_year":2019,"estimate":{"mode":"detailed","contracts":[],"typo":1}"#,
            )),
            Refused(vec!["estimate.typo: unknown field", "contracts"]),
        ),
        (
            "unknown key in actual",
            s(file(
                r#""fiscal_year":2019,"estimate":{"mode":"actual","months":[],"typo":1}"#,
            )),
            Refused(vec!["estimate.typo: unknown field", "months"]),
        ),
        (
            "unknown key in answers",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":"lives_in_isumi","typo":1}"#,
            )),
            Refused(vec!["answers.typo: unknown field", "stay_3_years"]),
        ),
        (
            "unknown key in residence's planning_to_move",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":{"planning_to_move":{"when":null,"x":1}}}"#,
            )),
            Refused(vec![
                "answers.residence.planning_to_move.x: unknown field",
                "the fields here are when",
            ]),
        ),
        (
            "unknown key in a contract",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019-05-01","amount":1000}],"typo":1}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].typo: unknown field",
                "payments",
            ]),
        ),
        (
            "unknown key in a payment",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019-05-01","amount":1000},{"date":"2019-05-02","amount":1000,"typo":1}]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[1].typo: unknown field",
                "date, amount",
            ]),
        ),
        (
            "unknown key in a month",
            s(actual(
                2019,
                r#"{"month":"2019-05","fees":20000},{"month":"2019-06","fees":1,"typo":1}"#,
            )),
            Refused(vec![
                "estimate.months[1].typo: unknown field",
                "month, fees",
            ]),
        ),
        (
            "unknown key in the quick answers' mix",
            s(quick(2019, r#""mix":{"fixed":100,"typo":0}"#)),
            Refused(vec![
                "estimate.mix.typo: unknown field",
                "fixed, hourly, task",
            ]),
        ),
        (
            "unknown key in applicant",
            s(file(
                r#""fiscal_year":2019,"applicant":{"name":"太郎","typo":1}"#,
            )),
            Refused(vec!["applicant.typo: unknown field", "furigana"]),
        ),
        (
            "unknown key in bank",
            s(file(
                r#""fiscal_year":2019,"applicant":{"bank":{"typo":1}}"#,
            )),
            Refused(vec!["applicant.bank.typo: unknown field", "holder_kana"]),
        ),
        (
            "unknown key at the top",
            s(file(r#""fiscal_year":2019,"typo":1"#)),
            Refused(vec!["typo: unknown field", "fiscal_year"]),
        ),
        // A value of the wrong type or form names its field and what it must hold.
        (
            "fiscal year as text",
            s(file(r#""fiscal_year":"2019""#)),
            Refused(vec![
                "fiscal_year: must be a whole number from 2018 to 2099",
            ]),
        ),
        (
            "no fiscal year",
            s(file(r#""lang":"ja""#)),
            Refused(vec!["fiscal_year: this field is missing"]),
        ),
        (
            "an answer that is not a choice",
            s(file(
                r#""fiscal_year":2019,"answers":{"stay_3_years":"maybe"}"#,
            )),
            Refused(vec![
                "answers.stay_3_years: \"maybe\" is not allowed",
                "yes, no, unknown",
            ]),
        ),
        (
            "planning to move without its object",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":"planning_to_move","housing":"shared"}"#,
            )),
            Refused(vec![
                "answers.residence: must be one of",
                "planning_to_move",
            ]),
        ),
        (
            "a planned move that is not a date",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":{"planning_to_move":{"when":"soon"}}}"#,
            )),
            Refused(vec![
                "answers.residence.planning_to_move.when: must be a date written YYYY-MM-DD",
            ]),
        ),
        (
            "a payment date with slashes",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019/05/01","amount":1000}]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[0].date: must be a date written YYYY-MM-DD",
            ]),
        ),
        (
            "a payment date without its leading zeros",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019-5-1","amount":1000}]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[0].date: must be a date written YYYY-MM-DD",
            ]),
        ),
        (
            "a payment date on a day that does not exist",
            s(detailed(
                2020,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2021-02-29","amount":1000}]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[0].date: must be a date written YYYY-MM-DD",
            ]),
        ),
        (
            "a moving-in date with a time",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":"lives_in_isumi","moved_in":"2019-04-01T00:00"}"#,
            )),
            Refused(vec![
                "answers.moved_in: must be a date written YYYY-MM-DD (e.g. 2026-04-01) (or null when not known)",
            ]),
        ),
        (
            "a membership date with a space or a sign",
            s(file(
                r#""fiscal_year":2019,"answers":{"hinode_special_member":"yes","member_since":" 2019-04-01"}"#,
            )),
            Refused(vec!["answers.member_since: must be a date written YYYY-MM-DD"]),
        ),
        (
            "a planned move in a five-digit year",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":{"planning_to_move":{"when":"+12019-04-01"}}}"#,
            )),
            Refused(vec![
                "answers.residence.planning_to_move.when: must be a date written YYYY-MM-DD",
            ]),
        ),
        (
            "a negative amount",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019-05-01","amount":-1}]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[0].amount: must be a whole number of yen",
            ]),
        ),
        (
            "a payment without its amount",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2019-05-01"}]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[0].amount: this field is missing",
            ]),
        ),
        (
            "a month that is not a month",
            s(actual(2019, r#"{"month":"2019-13","fees":1}"#)),
            Refused(vec![
                "estimate.months[0].month: must be a month written YYYY-MM",
            ]),
        ),
        (
            "an unknown mode",
            s(file(r#""fiscal_year":2019,"estimate":{"mode":"fast"}"#)),
            Refused(vec![
                "estimate.mode: \"fast\" is not allowed",
                "quick, detailed, actual",
            ]),
        ),
        (
            "mode after the contracts reads the same",
            s(file(&format!(
                r#""fiscal_year":2019,{ELIGIBLE_SHARED},"estimate":{{"contracts":[{{"label":"A","kind":"fixed","payments":[{{"date":"2019-05-01","amount":1000}}]}}],"mode":"detailed"}}"#
            ))),
            Figures {
                fees: 200,
                subsidy: 200,
            },
        ),
        (
            "mode after the months: an error inside is named at the estimate",
            s(file(
                r#""fiscal_year":2019,"estimate":{"months":[{"month":"2019-05","fees":"x"}],"mode":"actual"}"#,
            )),
            Refused(vec!["estimate: wrong value (inside the estimate"]),
        ),
        (
            "a key given twice",
            s(file(
                r#""fiscal_year":2019,"answers":{"housing":"shared","housing":"individual"}"#,
            )),
            Refused(vec!["answers.housing: this field is given twice"]),
        ),
        (
            "answers as a list",
            s(file(r#""fiscal_year":2019,"answers":[]"#)),
            Refused(vec![
                "answers: a list [ … ] is not allowed here",
                "must be an object",
            ]),
        ),
        (
            "applicant as a list",
            s(file(r#""fiscal_year":2019,"applicant":[]"#)),
            Refused(vec!["applicant: a list [ … ] is not allowed here"]),
        ),
        (
            "payment as a list",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[["2019-05-01",1000]]}"#,
            )),
            Refused(vec![
                "estimate.contracts[0].payments[0]: a list [ … ] is not allowed",
            ]),
        ),
        (
            "planned move as a list",
            s(file(
                r#""fiscal_year":2019,"answers":{"residence":{"planning_to_move":["2027-01-04"]}}"#,
            )),
            Refused(vec![
                "answers.residence.planning_to_move: a list [ … ] is not allowed",
            ]),
        ),
        (
            "whole file a list",
            s("[1,2]".to_string()),
            Refused(vec!["not an isumi-check file"]),
        ),
        (
            "fiscal year 0",
            s(file(r#""fiscal_year":0"#)),
            Refused(vec!["fiscal_year", "FY2018", "FY2099"]),
        ),
        (
            "fiscal year -1",
            s(file(r#""fiscal_year":-1"#)),
            Refused(vec!["fiscal_year"]),
        ),
        (
            "fiscal year 9999",
            s(file(r#""fiscal_year":9999"#)),
            Refused(vec!["fiscal_year"]),
        ),
        (
            "fiscal year 2^31-1",
            s(file(r#""fiscal_year":2147483647"#)),
            Refused(vec!["fiscal_year"]),
        ),
        (
            "fiscal year -2^31",
            s(file(r#""fiscal_year":-2147483648"#)),
            Refused(vec!["fiscal_year"]),
        ),
        (
            "fiscal year 2^31",
            s(file(r#""fiscal_year":2147483648"#)),
            Refused(vec![
                "fiscal_year: must be a whole number from 2018 to 2099",
            ]),
        ),
        (
            "fiscal year 2017, before the program",
            s(actual(2017, r#"{"month":"2017-04","fees":40000}"#)),
            Refused(vec!["fiscal_year", "FY2017 is outside"]),
        ),
        (
            "fiscal year 2015, before the program",
            s(actual(2015, r#"{"month":"2015-10","fees":40000}"#)),
            Refused(vec!["fiscal_year", "FY2015 is outside"]),
        ),
        (
            "fiscal year 2100",
            s(file(r#""fiscal_year":2100"#)),
            Refused(vec!["fiscal_year"]),
        ),
        (
            "payment before the first fee schedule",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2015-09-30","amount":1}]}"#,
            )),
            Refused(vec!["estimate.contracts[0].payments[0].date", "2015/10/01"]),
        ),
        (
            "payment after 2099",
            s(detailed(
                2019,
                r#"{"label":"A","kind":"fixed","payments":[{"date":"2100-01-01","amount":1}]}"#,
            )),
            Refused(vec!["estimate.contracts[0].payments[0].date"]),
        ),
        (
            "13 months",
            s(actual(
                2019,
                &vec![r#"{"month":"2019-05","fees":1}"#; 13].join(","),
            )),
            Refused(vec!["estimate.months", "At most 12 months"]),
        ),
        (
            "101 contracts",
            s(detailed(2019, &vec![contract; 101].join(","))),
            Refused(vec!["estimate.contracts", "At most 100 contracts"]),
        ),
        (
            "401 payments in one contract",
            s(detailed(
                2019,
                &format!(
                    r#"{{"label":"A","kind":"hourly","payments":[{}]}}"#,
                    payments(401)
                ),
            )),
            Refused(vec!["estimate.contracts[0].payments", "At most 400"]),
        ),
        (
            "2,001 payments in all",
            s(detailed(
                2019,
                &(0..6)
                    .map(|i| {
                        format!(
                            r#"{{"label":"A","kind":"hourly","payments":[{}]}}"#,
                            payments(if i == 5 { 1 } else { 400 })
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(","),
            )),
            Refused(vec!["estimate.contracts", "At most 2,000 payments"]),
        ),
        (
            "mix not adding to 100",
            s(quick(2019, r#""mix":{"fixed":60,"hourly":60}"#)),
            Refused(vec!["estimate.mix", "120%"]),
        ),
        (
            "contract size 0",
            s(quick(2019, r#""contract_size":0"#)),
            Refused(vec!["estimate.contract_size", "at least ¥1"]),
        ),
        // Hostile text.
        (
            "right-to-left override in a label",
            s(detailed(
                2019,
                r#"{"label":"契約\u202eA","kind":"fixed","payments":[{"date":"2019-05-01","amount":1000}]}"#,
            )),
            Refused(vec!["estimate.contracts[0].label", "U+202E"]),
        ),
        (
            "isolate in the address",
            s(file(
                r#""fiscal_year":2019,"applicant":{"address":"千葉県いすみ市大原\u20661234"}"#,
            )),
            Refused(vec!["applicant.address", "text-direction"]),
        ),
        (
            "bidi control in the bank holder",
            s(file(
                r#""fiscal_year":2019,"applicant":{"bank":{"holder_kana":"イスミ\u200fタロウ"}}"#,
            )),
            Refused(vec!["applicant.bank.holder_kana"]),
        ),
        (
            "escape sequence as the format",
            s(
                r#"{"format":"\u001b[2K\u001b[1G\u001b[32m eligible \u202e","format_version":1}"#
                    .to_string(),
            ),
            Refused(vec!["\\u001b[2K", "\\u202e"]),
        ),
        (
            "escape sequence as the language",
            s(file(r#""fiscal_year":2019,"lang":"\u001b[31men""#)),
            Refused(vec!["\\u001b[31men"]),
        ),
        (
            "escape sequence as an unknown key",
            s(file(r#""fiscal_year":2019,"\u001b[32meligible\u009b":1"#)),
            Refused(vec!["\\u001b[32meligible\\u009b"]),
        ),
        (
            "a huge unknown key is cut in the message",
            s(file(&format!(
                r#""fiscal_year":2019,"{}":1"#,
                "k".repeat(5000)
            ))),
            Refused(vec!["unknown field", " … "]),
        ),
        (
            "a right-to-left override in an unknown key is shown escaped",
            s(file(r#""fiscal_year":2019,"answers":{"ab\u202ecd":1}"#)),
            Refused(vec!["answers.ab\\u202ecd: unknown field"]),
        ),
    ]
}
