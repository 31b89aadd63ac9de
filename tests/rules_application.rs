//! The printed application's figures: the monthly fees breakdown stays within 12 rows and adds up,
//! the amount requested, dates on the form, and the QR payloads (compact, read back to the same
//! file, degraded to monthly fees with the same subsidy when the contracts do not fit).

use chrono::NaiveDate;
use isumi_check::qr::{ascii_json, qr_matrix, QrError};
use isumi_check::rules::applicant::Applicant;
use isumi_check::rules::application::{
    applicant_on_form, compact_json, date_on_form, fees_by_month, forecast_mark, qr_payloads,
    requested_amount, requested_note, Drafting, NotDraftable, QrDetail, Requested,
};
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::fees::{Contract, ContractKind, Payment};
use isumi_check::rules::scenario::{evaluate, EstimateInput, Outcome, ScenarioFile};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The day every outcome here is computed as of (FY2026 has not ended: its figures are a forecast).
fn today() -> NaiveDate {
    date(2026, 11, 24)
}

fn eligible(housing: HousingAnswer) -> Answers {
    Answers {
        residence: Residence::LivesInIsumi,
        stay_3_years: Answer::Yes,
        crowdworks_account: Answer::Yes,
        hinode_special_member: Answer::Yes,
        housing,
        ..Answers::default()
    }
}

fn scenario(contracts: Vec<Contract>, housing: HousingAnswer) -> ScenarioFile {
    let mut f = ScenarioFile::new(2026);
    f.answers = eligible(housing);
    f.estimate = Some(EstimateInput::Detailed { contracts });
    f
}

fn outcome(f: &ScenarioFile) -> Outcome {
    evaluate(rules(), f, today()).expect("evaluates")
}

/// 40 payments in 4 contracts, spread over every month of FY2026 (and two in one month).
fn forty_payments() -> Vec<Contract> {
    (0..4)
        .map(|c| Contract {
            label: format!("記事 {c}"),
            kind: ContractKind::Fixed,
            payments: (0..10)
                .map(|i| {
                    let n = c * 10 + i; // 0..40
                    let month = (3 + n % 12) % 12 + 1; // April onwards, wrapping into 2027
                    let year = if month >= 4 { 2026 } else { 2027 };
                    Payment {
                        date: date(year, month, 1 + n / 12),
                        amount: 10_000 + 1_000 * n as u64,
                    }
                })
                .collect(),
        })
        .collect()
}

#[test]
fn breakdown_by_month_is_at_most_12_rows_and_adds_up() {
    let f = scenario(forty_payments(), HousingAnswer::Individual);
    let o = outcome(&f);
    let year = &o.subsidy.as_ref().expect("fees given").low;
    assert_eq!(year.payments.len(), 40);
    let rows = fees_by_month(year);
    assert_eq!(rows.len(), 12);
    assert!(
        rows.windows(2).all(|w| w[0].month < w[1].month),
        "month order"
    );
    assert_eq!(rows.iter().map(|r| r.fees).sum::<u64>(), year.fees);
    assert_eq!(rows.iter().map(|r| r.payments).sum::<usize>(), 40);
    assert_eq!(
        rows.iter().filter_map(|r| r.earnings).sum::<u64>(),
        year.earnings.expect("detailed mode has earnings")
    );
}

#[test]
fn breakdown_of_the_domain_milestone_example() {
    // domain.md §2: ¥130,000 as milestones 50k/30k/50k after 2019-10 = 11,000 + 6,600 + 7,700.
    let f = scenario(
        vec![Contract {
            label: "design".into(),
            kind: ContractKind::Fixed,
            payments: vec![
                Payment {
                    date: date(2026, 5, 10),
                    amount: 50_000,
                },
                Payment {
                    date: date(2026, 6, 10),
                    amount: 30_000,
                },
                Payment {
                    date: date(2026, 7, 10),
                    amount: 50_000,
                },
            ],
        }],
        HousingAnswer::Individual,
    );
    let o = outcome(&f);
    let sub = o.subsidy.as_ref().expect("fees given");
    let fees: Vec<u64> = fees_by_month(&sub.low).iter().map(|r| r.fees).collect();
    assert_eq!(fees, vec![11_000, 6_600, 7_700]);
    assert_eq!(
        requested_amount(&Applicant::default(), Some(sub)),
        Requested::Estimate(25_300)
    );
}

#[test]
fn breakdown_from_fees_per_month() {
    let mut f = ScenarioFile::new(2026);
    f.answers = eligible(HousingAnswer::Shared);
    f.estimate = Some(
        serde_json::from_str(r#"{"mode":"actual","months":[{"month":"2026-05","fees":1200},{"month":"2026-04","fees":800}]}"#)
            .expect("valid input"),
    );
    let o = outcome(&f);
    let rows = fees_by_month(&o.subsidy.as_ref().expect("fees").low);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].month.month, rows[0].fees, rows[0].earnings),
        (4, 800, None)
    );
    assert_eq!((rows[1].month.month, rows[1].fees), (5, 1200));
}

#[test]
fn amount_requested_typed_estimate_or_blank() {
    let single = outcome(&scenario(forty_payments(), HousingAnswer::Shared));
    let range = outcome(&scenario(forty_payments(), HousingAnswer::Undecided));
    let typed = |s: &str| Applicant {
        requested_amount: s.into(),
        ..Applicant::default()
    };
    assert_eq!(
        requested_amount(&typed("2万"), single.subsidy.as_ref()),
        Requested::Typed(20_000)
    );
    assert_eq!(
        requested_amount(&typed(""), single.subsidy.as_ref()),
        Requested::Estimate(30_000),
        "capped for shared housing"
    );
    // A range (housing undecided) is not guessed: a line to fill in by hand.
    assert_eq!(
        requested_amount(&typed(""), range.subsidy.as_ref()),
        Requested::Blank
    );
    assert_eq!(requested_amount(&typed(""), None), Requested::Blank);
    assert_eq!(
        requested_amount(&typed("abc"), single.subsidy.as_ref()),
        Requested::Blank
    );
    // More than the estimate: a note, not a refusal.
    let note = requested_note(Requested::Typed(40_000), single.subsidy.as_ref()).expect("a note");
    assert!(note.ja.contains("¥30,000"), "{}", note.ja);
    assert_eq!(
        requested_note(Requested::Typed(30_000), single.subsidy.as_ref()),
        None
    );
    assert_eq!(
        requested_note(Requested::Estimate(30_000), single.subsidy.as_ref()),
        None
    );
}

#[test]
fn dates_are_written_in_the_era_or_kept_as_typed() {
    assert_eq!(date_on_form("2019-05-01"), "令和元年5月1日");
    assert_eq!(date_on_form(" H2.4.1 "), "平成2年4月1日");
    assert_eq!(date_on_form("昭和60年1月2日"), "昭和60年1月2日");
    assert_eq!(date_on_form("そのうち"), "そのうち");
    assert_eq!(date_on_form("   "), "");
}

fn hostile_applicant() -> Applicant {
    let mut a = Applicant {
        // Markup and a terminal escape: kept as typed (bidi controls are refused, see below).
        name: format!("<img src=x onerror=alert(1)>\u{1b}[2K{}", "長".repeat(170)),
        furigana: "イスミ　タロウ".into(),
        address: "千葉県いすみ市大原0000".into(),
        phone: "0470-00-0000".into(),
        ..Applicant::default()
    };
    a.bank.bank_code = "0134".into();
    a
}

#[test]
fn compact_json_reads_back_to_the_same_file() {
    let mut f = scenario(forty_payments(), HousingAnswer::Individual);
    f.applicant = Some(hostile_applicant());
    let compact = compact_json(&f);
    assert!(!compact.contains('\n'), "one line");
    assert!(
        !compact.contains("\"\""),
        "empty strings left out: {compact}"
    );
    assert!(compact.len() < f.to_json().expect("json").len());
    assert_eq!(ScenarioFile::from_json(&compact), Ok(f.clone()));
    // Through the QR's ASCII form too.
    assert_eq!(
        ScenarioFile::from_json(&ascii_json(&compact)),
        Ok(f.clone())
    );
    // A right-to-left override would reorder the printed name: the reader refuses it.
    if let Some(a) = f.applicant.as_mut() {
        a.name.push('\u{202E}');
    }
    let e = ScenarioFile::from_json(&compact_json(&f)).expect_err("bidi refused");
    assert!(e.text().en.contains("applicant.name"), "{e:?}");
}

#[test]
fn qr_payload_degrades_to_monthly_fees_with_the_same_subsidy() {
    let mut f = scenario(forty_payments(), HousingAnswer::Individual);
    f.applicant = Some(Applicant {
        name: "いすみ 太郎".into(),
        address: "千葉県いすみ市大原0000".into(),
        ..Applicant::default()
    });
    let o = outcome(&f);
    let payloads = qr_payloads(&f, Some(&o));
    let details: Vec<QrDetail> = payloads.iter().map(|(d, _)| *d).collect();
    assert_eq!(
        details,
        vec![QrDetail::Full, QrDetail::MonthlyFees, QrDetail::WithoutFees]
    );
    // 40 payments do not fit in a printable QR code; their monthly sums do.
    assert_eq!(
        qr_matrix(&ascii_json(&payloads[0].1)).err(),
        Some(QrError::TooLong)
    );
    let monthly = ScenarioFile::from_json(&payloads[1].1).expect("reads back");
    assert!(qr_matrix(&ascii_json(&payloads[1].1)).is_ok());
    assert_eq!(monthly.applicant, f.applicant);
    let again = outcome(&monthly);
    let (a, b) = (o.subsidy.expect("fees"), again.subsidy.expect("fees"));
    assert_eq!((b.low.fees, b.low.subsidy), (a.low.fees, a.low.subsidy));
    let bare = ScenarioFile::from_json(&payloads[2].1).expect("reads back");
    assert_eq!(bare.estimate, None);
    assert_eq!(bare.answers, f.answers);
}

#[test]
fn small_scenarios_offer_the_whole_file_first() {
    let mut f = ScenarioFile::new(2026);
    f.answers = eligible(HousingAnswer::Shared);
    let payloads = qr_payloads(&f, None);
    assert_eq!(payloads.len(), 1, "nothing to drop without fees");
    assert_eq!(payloads[0].0, QrDetail::Full);
    assert!(qr_matrix(&ascii_json(&payloads[0].1)).is_ok());
    assert_eq!(QrDetail::Full.note().ja, "");
}

#[test]
fn the_form_prints_kana_in_full_width_katakana() {
    let typed = Applicant {
        name: "いすみ 太郎".into(),
        furigana: "いすみ　たろう".into(),
        bank: isumi_check::rules::applicant::BankAccount {
            holder_kana: "ｲｽﾐ ﾀﾛｳ".into(),
            ..Default::default()
        },
        ..Applicant::default()
    };
    let printed = applicant_on_form(&typed);
    assert_eq!(printed.furigana, "イスミ　タロウ");
    assert_eq!(printed.bank.holder_kana, "イスミ　タロウ");
    assert_eq!(printed.name, typed.name, "other fields as typed");
    // The QR code on the form carries the same.
    let mut f = scenario(forty_payments(), HousingAnswer::Shared);
    f.applicant = Some(typed);
    let back = ScenarioFile::from_json(&qr_payloads(&f, None)[0].1).expect("reads back");
    assert_eq!(back.applicant, Some(printed));
}

#[test]
fn a_year_not_ended_is_printed_as_a_forecast() {
    let f = scenario(forty_payments(), HousingAnswer::Shared);
    let o = outcome(&f);
    assert!(o.forecast, "FY2026 has not ended on {}", today());
    assert_eq!(o.application, Drafting::Ready { forecast: true });
    let (mark, line) = forecast_mark(&o).expect("a forecast");
    assert_eq!(mark, "見込み");
    assert!(line.ja.contains("年度末"), "{}", line.ja);
    let ended = evaluate(rules(), &f, date(2027, 4, 1)).expect("evaluates");
    assert!(!ended.forecast);
    assert_eq!(forecast_mark(&ended), None);
    assert_eq!(ended.application, Drafting::Ready { forecast: false });
    // Without fees there is nothing to apply for.
    let mut bare = f.clone();
    bare.estimate = None;
    assert!(matches!(
        outcome(&bare).application,
        Drafting::NotReady {
            reason: NotDraftable::NoFigures,
            ..
        }
    ));
}
