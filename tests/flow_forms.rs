//! Drafts → engine inputs (`flow::forms`): what is typed becomes figures, or problems that name
//! the field, in both languages.

mod common;

use common::*;
use isumi_check::flow::drafts::{ContractDraft, PaymentDraft, QuickDraft};
use isumi_check::flow::forms::{
    applicant_input_id, applicant_problems, choice_field, contracts_input, estimate_input,
    month_field, months_input, optional_date, page_problems, payment_field, quick_input,
};
use isumi_check::flow::model::EarnMode;
use isumi_check::flow::Page;
use isumi_check::rules::calendar::YearMonth;
use isumi_check::rules::eligibility::{Answer, Residence};
use isumi_check::rules::estimate::WorkMix;
use isumi_check::rules::fees::{ContractKind, Payment};
use isumi_check::rules::scenario::EstimateInput;
use isumi_check::rules::subsidy::MonthFees;

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).unwrap()
}

fn mix(fixed: u32, hourly: u32, task: u32) -> WorkMix {
    WorkMix {
        fixed,
        hourly,
        task,
    }
}

fn quick(monthly: &str, size: &str) -> QuickDraft {
    QuickDraft {
        monthly: monthly.into(),
        size: size.into(),
        ..QuickDraft::default()
    }
}

fn fields(problems: &[isumi_check::flow::model::FieldProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.field.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Quick
// ---------------------------------------------------------------------------------------------

#[test]
fn quick_amounts_as_people_type_them() {
    let q = quick_input(&quick("１５万円", "¥30,000"), 2026).unwrap();
    assert_eq!(q.monthly_earnings, Some(150_000));
    assert_eq!(q.contract_size, Some(30_000));
    assert_eq!(
        q.mix,
        mix(100, 0, 0),
        "fixed-price work is ticked by default"
    );
    assert_eq!(q.first_month, None);
}

#[test]
fn quick_kinds_of_work_share_equally_and_add_up_to_100() {
    for ((fixed, hourly, task), want) in [
        ((true, false, false), mix(100, 0, 0)),
        ((false, true, false), mix(0, 100, 0)),
        ((true, true, false), mix(50, 50, 0)),
        ((false, true, true), mix(0, 50, 50)),
        // 100 / 3 = 33, the one left over goes to the first kind ticked.
        ((true, true, true), mix(34, 33, 33)),
    ] {
        let d = QuickDraft {
            fixed,
            hourly,
            task,
            ..quick("10万", "1万")
        };
        let q = quick_input(&d, 2026).unwrap();
        assert_eq!(q.mix, want);
        assert_eq!(q.mix.fixed + q.mix.hourly + q.mix.task, 100);
    }
}

#[test]
fn quick_with_no_kind_of_work_is_a_problem() {
    let d = QuickDraft {
        fixed: false,
        ..quick("10万", "1万")
    };
    let problems = quick_input(&d, 2026).unwrap_err();
    assert_eq!(fields(&problems), ["quick-kind-fixed"]);
    assert!(problems[0].message.ja.contains("仕事の種類"));
}

#[test]
fn quick_shares_from_a_file_are_kept_while_they_fit_the_kinds_ticked() {
    let d = QuickDraft {
        hourly: true,
        shares: Some(mix(70, 30, 0)),
        ..quick("10万", "1万")
    };
    assert_eq!(quick_input(&d, 2026).unwrap().mix, mix(70, 30, 0));
    let d = QuickDraft { task: true, ..d };
    assert_eq!(quick_input(&d, 2026).unwrap().mix, mix(34, 33, 33));
}

#[test]
fn quick_unknown_ticks_ignore_what_is_typed() {
    let d = QuickDraft {
        monthly_unknown: true,
        size_unknown: true,
        ..quick("たくさん", "0")
    };
    let q = quick_input(&d, 2026).unwrap();
    assert_eq!((q.monthly_earnings, q.contract_size), (None, None));
}

#[test]
fn quick_problems_name_their_field() {
    let problems = quick_input(&quick("たくさん", "-5000"), 2026).unwrap_err();
    assert_eq!(fields(&problems), ["quick-monthly", "quick-size"]);
    assert!(
        problems[0].message.ja.contains("数字で入力"),
        "{}",
        problems[0].message.ja
    );
    assert!(problems[1].message.en.contains("negative"));
    let problems = quick_input(&quick("", "1万"), 2026).unwrap_err();
    assert_eq!(fields(&problems), ["quick-monthly"], "blank is not ¥0");
}

#[test]
fn quick_contract_size_of_zero_is_refused() {
    for zero in ["0", "０円", "0万"] {
        let problems = quick_input(&quick("10万", zero), 2026).unwrap_err();
        assert_eq!(fields(&problems), ["quick-size"], "{zero}");
        assert!(problems[0].message.ja.contains("1円以上"));
    }
    // ¥0 a month is an answer, though.
    assert_eq!(
        quick_input(&quick("0", "1万"), 2026)
            .unwrap()
            .monthly_earnings,
        Some(0)
    );
}

#[test]
fn quick_first_month_of_another_fiscal_year_is_dropped() {
    let with_first = |m| QuickDraft {
        first_month: Some(m),
        ..quick("10万", "1万")
    };
    // FY2026 runs from April 2026 to March 2027.
    for (month, kept) in [
        (ym(2026, 4), true),
        (ym(2026, 10), true),
        (ym(2027, 3), true),
        (ym(2026, 3), false),
        (ym(2027, 4), false),
        (ym(2025, 10), false),
    ] {
        let q = quick_input(&with_first(month), 2026).unwrap();
        assert_eq!(q.first_month, kept.then_some(month), "{month}");
    }
}

// ---------------------------------------------------------------------------------------------
// Contracts
// ---------------------------------------------------------------------------------------------

fn payment(date: &str, amount: &str) -> PaymentDraft {
    PaymentDraft {
        date: date.into(),
        amount: amount.into(),
    }
}

fn contract(payments: Vec<PaymentDraft>) -> ContractDraft {
    ContractDraft {
        payments,
        ..ContractDraft::default()
    }
}

#[test]
fn contracts_as_typed_become_the_engines() {
    let cs = contracts_input(&sample_contracts()).unwrap();
    assert_eq!(cs.len(), 2);
    assert_eq!(cs[0].label, "A社");
    assert_eq!(cs[0].kind, ContractKind::Fixed);
    assert_eq!(
        cs[0].payments,
        [Payment {
            date: date(2026, 5, 10),
            amount: 50_000
        }],
        "the blank row is skipped"
    );
    assert_eq!(cs[1].kind, ContractKind::Hourly);
    assert_eq!(
        cs[1].payments,
        [Payment {
            date: date(2026, 6, 1),
            amount: 12_000
        }],
        "令和8年6月1日 is 2026-06-01"
    );
}

#[test]
fn blank_rows_are_skipped_wherever_they_are() {
    let cs = contracts_input(&[contract(vec![
        payment("", ""),
        payment("  ", " "),
        payment("2026/7/1", "1000"),
        payment("", ""),
    ])])
    .unwrap();
    assert_eq!(cs[0].payments.len(), 1);
    assert_eq!(cs[0].payments[0].date, date(2026, 7, 1));
}

#[test]
fn a_row_with_only_a_date_or_only_an_amount_is_a_problem_of_that_row() {
    let problems = contracts_input(&[
        contract(vec![
            payment("2026-05-01", "1000"),
            payment("2026-06-01", ""),
        ]),
        contract(vec![payment("", "5000")]),
    ])
    .unwrap_err();
    assert_eq!(fields(&problems), ["c0-p1-amount", "c1-p0-date"]);
    assert!(
        problems[0].message.ja.starts_with("契約1 の支払い2: "),
        "{}",
        problems[0].message.ja
    );
    assert!(problems[1]
        .message
        .en
        .starts_with("Contract 2, payment 1: "));
}

#[test]
fn a_row_with_two_mistakes_reports_both() {
    let problems =
        contracts_input(&[contract(vec![payment("2026-02-30", "たくさん")])]).unwrap_err();
    assert_eq!(fields(&problems), ["c0-p0-date", "c0-p0-amount"]);
    assert!(problems[0].message.ja.contains("存在しない日付"));
}

#[test]
fn at_least_one_payment_is_needed() {
    for drafts in [
        vec![],
        vec![ContractDraft::default()],
        vec![contract(vec![payment("", "")]), contract(vec![])],
    ] {
        let problems = contracts_input(&drafts).unwrap_err();
        assert_eq!(fields(&problems), ["c0-p0-amount"], "{drafts:?}");
        assert!(problems[0].message.en.contains("at least one payment"));
    }
}

#[test]
fn payment_dates_outside_the_fee_data_are_refused() {
    // The fee schedules start on 2015-10-01.
    let problems = contracts_input(&[contract(vec![payment("2015-09-30", "1000")])]).unwrap_err();
    assert_eq!(fields(&problems), ["c0-p0-date"]);
    assert!(contracts_input(&[contract(vec![payment("2015-10-01", "1000")])]).is_ok());
}

#[test]
fn contract_names_are_kept_as_typed_within_the_text_bounds() {
    let named = ContractDraft {
        label: "  A社 記事  ".into(),
        ..contract(vec![payment("2026-05-01", "1000")])
    };
    assert_eq!(
        contracts_input(std::slice::from_ref(&named)).unwrap()[0].label,
        "  A社 記事  "
    );
    let too_long = ContractDraft {
        label: "あ".repeat(257),
        ..named
    };
    let problems = contracts_input(&[too_long]).unwrap_err();
    assert_eq!(fields(&problems), ["c0-label"]);
    assert!(problems[0].message.ja.starts_with("契約1 の名前: "));
}

// ---------------------------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------------------------

#[test]
fn twelve_months_from_april() {
    let typed: Vec<String> = (1..=12).map(|i| format!("{}", i * 100)).collect();
    let months = months_input(2026, &typed).unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(
        months[0],
        MonthFees {
            month: ym(2026, 4),
            fees: 100
        }
    );
    assert_eq!(
        months[8],
        MonthFees {
            month: ym(2026, 12),
            fees: 900
        }
    );
    assert_eq!(
        months[9],
        MonthFees {
            month: ym(2027, 1),
            fees: 1000
        }
    );
    assert_eq!(months[11].month, ym(2027, 3));
}

#[test]
fn blank_months_are_skipped() {
    let mut typed = vec![String::new(); 12];
    typed[1] = "３，０００円".into();
    typed[10] = " ".into();
    typed[11] = "二千くらい".into();
    // A month that cannot be read is named by its month.
    let problems = months_input(2025, &typed).unwrap_err();
    assert_eq!(fields(&problems), ["month-11"]);
    assert!(
        problems[0].message.ja.starts_with("2026年3月: "),
        "{}",
        problems[0].message.ja
    );
    assert!(problems[0].message.en.starts_with("March 2026: "));
    typed[11] = "2千".into();
    assert_eq!(
        months_input(2025, &typed).unwrap(),
        [
            MonthFees {
                month: ym(2025, 5),
                fees: 3000
            },
            MonthFees {
                month: ym(2026, 3),
                fees: 2000
            }
        ]
    );
}

#[test]
fn at_least_one_month_is_needed() {
    for typed in [vec![], vec![String::new(); 12]] {
        let problems = months_input(2026, &typed).unwrap_err();
        assert_eq!(fields(&problems), ["month-0"]);
    }
}

#[test]
fn a_months_field_id_counts_from_april() {
    assert_eq!(month_field(ym(2026, 4)), "month-0");
    assert_eq!(month_field(ym(2026, 12)), "month-8");
    assert_eq!(month_field(ym(2027, 1)), "month-9");
    assert_eq!(month_field(ym(2027, 3)), "month-11");
    assert_eq!(payment_field(1, 2, "date"), "c1-p2-date");
    assert_eq!(
        applicant_input_id("bank.bank_code"),
        "applicant-bank-bank_code"
    );
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

#[test]
fn optional_dates_in_every_form_people_type() {
    for (typed, want) in [
        ("", None),
        ("   ", None),
        ("2026-05-01", Some(date(2026, 5, 1))),
        ("2026/5/1", Some(date(2026, 5, 1))),
        ("２０２６／５／１", Some(date(2026, 5, 1))),
        ("令和9年4月1日", Some(date(2027, 4, 1))),
        ("R9.4.1", Some(date(2027, 4, 1))),
        ("令和元年5月1日", Some(date(2019, 5, 1))),
        ("平成31年4月30日", Some(date(2019, 4, 30))),
    ] {
        assert_eq!(
            optional_date(typed, "move-date").unwrap(),
            want,
            "{typed:?}"
        );
    }
}

#[test]
fn garbage_dates_are_refused_naming_the_field() {
    for typed in [
        "いつか",
        "2026-02-30",
        "26-5-1",
        "令和1年4月1日",
        "2026-13-01",
    ] {
        let problems = optional_date(typed, "move-date").unwrap_err();
        assert_eq!(fields(&problems), ["move-date"], "{typed:?}");
        assert!(!problems[0].message.ja.is_empty() && !problems[0].message.en.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// Pages and modes
// ---------------------------------------------------------------------------------------------

#[test]
fn the_estimate_is_that_of_the_mode_chosen() {
    let mut m = fresh();
    m.drafts.quick = sample_quick();
    m.drafts.contracts = sample_contracts();
    m.drafts.months = vec!["1000".into()];
    assert_eq!(estimate_input(&m), Ok(None), "no mode chosen: no estimate");
    m.earn_mode = Some(EarnMode::Skip);
    assert_eq!(estimate_input(&m), Ok(None));
    m.earn_mode = Some(EarnMode::Quick);
    let Ok(Some(EstimateInput::Quick(q))) = estimate_input(&m) else {
        panic!("quick");
    };
    // 「１５万円」 a month, fixed-price and hourly work.
    assert_eq!((q.monthly_earnings, q.mix), (Some(150_000), mix(50, 50, 0)));
    m.earn_mode = Some(EarnMode::Detailed);
    let Ok(Some(EstimateInput::Detailed { contracts })) = estimate_input(&m) else {
        panic!("detailed");
    };
    assert_eq!(contracts.len(), 2);
    m.earn_mode = Some(EarnMode::Actual);
    let Ok(Some(EstimateInput::Actual { months })) = estimate_input(&m) else {
        panic!("actual");
    };
    assert_eq!(
        months,
        [MonthFees {
            month: ym(2026, 4),
            fees: 1000
        }]
    );
    // No contract added yet: the one blank contract shown asks for a payment.
    m.earn_mode = Some(EarnMode::Detailed);
    m.drafts.contracts.clear();
    assert_eq!(fields(&estimate_input(&m).unwrap_err()), ["c0-p0-amount"]);
}

#[test]
fn a_question_page_needs_a_choice() {
    let m = fresh();
    for page in [
        Page::Residence,
        Page::Stay3Years,
        Page::Crowdworks,
        Page::Hinode,
        Page::Housing,
        Page::EarnMode,
    ] {
        let problems = page_problems(&m, page);
        assert_eq!(fields(&problems), [choice_field(page).unwrap()], "{page:?}");
        assert_eq!(problems[0].message.ja, "いずれか1つを選んでください。");
    }
    assert_eq!(
        choice_field(Page::Residence),
        Some("residence-lives_in_isumi")
    );
    assert_eq!(choice_field(Page::EarnMode), Some("earn_mode-quick"));
    // The year has a preset answer.
    assert_eq!(choice_field(Page::FiscalYear), None);
    assert!(page_problems(&m, Page::FiscalYear).is_empty());
}

#[test]
fn only_the_date_field_the_answer_reveals_is_read() {
    let mut m = fresh();
    m.answered = vec![Page::Residence, Page::Hinode];
    m.drafts.move_date = "いつか".into();
    m.drafts.moved_in = "2025-04-01".into();
    m.drafts.member_date = "いつか".into();
    m.answers.residence = Residence::LivesInIsumi;
    assert!(page_problems(&m, Page::Residence).is_empty());
    m.answers.residence = Residence::PlanningToMove { when: None };
    assert_eq!(fields(&page_problems(&m, Page::Residence)), ["move-date"]);
    m.answers.residence = Residence::NotPlanning;
    assert!(page_problems(&m, Page::Residence).is_empty());
    m.answers.hinode_special_member = Answer::Unknown;
    assert!(page_problems(&m, Page::Hinode).is_empty());
    m.answers.hinode_special_member = Answer::No;
    assert_eq!(fields(&page_problems(&m, Page::Hinode)), ["member-date"]);
}

#[test]
fn applicant_errors_block_and_name_the_field_but_warnings_do_not() {
    assert!(applicant_problems(&valid_applicant(), today()).is_empty());
    assert!(applicant_problems(&Default::default(), today()).is_empty());
    let mut a = valid_applicant();
    a.phone = "12345".into();
    a.bank.bank_code = "13".into();
    // An address outside Isumi and a moving-in date after today are only warnings.
    a.address = "東京都千代田区1-1".into();
    a.housing_moved_in = "2027-01-01".into();
    let problems = applicant_problems(&a, today());
    assert_eq!(
        fields(&problems),
        ["applicant-phone", "applicant-bank-bank_code"]
    );
    assert!(problems[0].message.ja.starts_with("電話番号: "));
    assert!(problems[1].message.en.starts_with("Bank code: "));
    // A date of birth must be before today.
    let a = isumi_check::rules::applicant::Applicant {
        birth_date: "2026-11-24".into(),
        ..valid_applicant()
    };
    assert_eq!(
        fields(&applicant_problems(&a, today())),
        ["applicant-birth_date"]
    );
}
