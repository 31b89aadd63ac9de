//! `rules::application::drafting_for`, the lean answer of the application's route guard, against
//! the whole evaluation: for any scenario and any day it says what `evaluate(…).application` says,
//! and fails with the same error when the evaluation fails. Then a few cases worked by hand.

mod common;

use chrono::NaiveDate;
use common::{on_check, writer, writer_answers};
use isumi_check::flow::model::EarnMode;
use isumi_check::flow::navigation::drafting_refused;
use isumi_check::rules::application::{drafting_for, Drafting, NotDraftable};
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::estimate::{QuickAnswers, WorkMix};
use isumi_check::rules::fees::{Contract, ContractKind, Payment};
use isumi_check::rules::scenario::{evaluate, EstimateInput, ScenarioError, ScenarioFile};
use isumi_check::rules::subsidy::{MonthFees, YearMonth};
use isumi_check::rules::Text;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real day")
}

/// What the guard asked before: the whole evaluation's answer.
fn by_evaluation(file: &ScenarioFile, today: NaiveDate) -> Result<Drafting, ScenarioError> {
    evaluate(rules(), file, today).map(|o| o.application)
}

/// A day from 2015-01-01 on, `offset` days later (to 2035).
fn day(offset: u32) -> NaiveDate {
    d(2015, 1, 1) + chrono::Days::new(u64::from(offset % 7300))
}

fn a_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        30 => (0u32..7300).prop_map(day),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
        1 => Just(d(262_140, 6, 1)),
    ]
}

/// Mostly "yes", so that many scenarios get past the verdict to the year and the figures.
fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        8 => Just(Answer::Yes),
        1 => Just(Answer::No),
        1 => Just(Answer::Unknown),
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    let residence = prop_oneof![
        5 => Just(Residence::LivesInIsumi),
        3 => prop::option::of(a_day()).prop_map(|when| Residence::PlanningToMove { when }),
        1 => Just(Residence::NotPlanning),
        1 => Just(Residence::Unknown),
    ];
    let housing = prop_oneof![
        Just(HousingAnswer::Shared),
        Just(HousingAnswer::Individual),
        Just(HousingAnswer::Undecided),
    ];
    (
        residence,
        answer(),
        answer(),
        answer(),
        housing,
        prop::option::of(a_day()),
        prop::option::of(a_day()),
    )
        .prop_map(
            |(residence, stay, crowdworks, hinode, housing, moved_in, member_since)| Answers {
                residence,
                stay_3_years: stay,
                crowdworks_account: crowdworks,
                hinode_special_member: hinode,
                housing,
                moved_in,
                member_since,
            },
        )
}

/// An amount: mostly ordinary, sometimes 0, sometimes large enough to overflow a sum.
fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![
        20 => 0u64..400_000,
        1 => Just(0u64),
        1 => (u64::MAX / 4)..u64::MAX,
    ]
}

fn kind() -> impl Strategy<Value = ContractKind> {
    prop_oneof![
        Just(ContractKind::Fixed),
        Just(ContractKind::Hourly),
        Just(ContractKind::Task),
        Just(ContractKind::Contest),
    ]
}

/// Contracts paid mostly in fiscal year `fy`, sometimes on any day.
fn contracts(fy: i32) -> impl Strategy<Value = Vec<Contract>> {
    let april = NaiveDate::from_ymd_opt(fy, 4, 1);
    let date = prop_oneof![
        4 => (0u64..365).prop_map(move |o| {
            april
                .and_then(|a| a.checked_add_days(chrono::Days::new(o)))
                .unwrap_or(day(0))
        }),
        1 => (0u32..7300).prop_map(day),
    ];
    let payment = (date, amount()).prop_map(|(date, amount)| Payment { date, amount });
    let contract =
        (kind(), prop::collection::vec(payment, 0..5)).prop_map(|(kind, payments)| Contract {
            label: "案件".into(),
            kind,
            payments,
        });
    prop::collection::vec(contract, 0..4)
}

/// Months near fiscal year `fy` (most in it, a few outside: an error of the evaluation).
fn months(fy: i32) -> impl Strategy<Value = Vec<MonthFees>> {
    let which = prop_oneof![30 => 0u32..12, 1 => 12u32..14];
    let month = (which, amount()).prop_map(move |(i, fees)| {
        // 0..12: the year's months from April; 12, 13: the month before and the one after.
        let (year, month) = match i {
            12 => (fy, 3),
            13 => (fy.saturating_add(1), 4),
            i if i < 9 => (fy, i + 4),
            i => (fy.saturating_add(1), i - 8),
        };
        MonthFees {
            month: YearMonth::new(year, month).expect("a month"),
            fees,
        }
    });
    prop::collection::vec(month, 0..6)
}

fn quick(fy: i32) -> impl Strategy<Value = QuickAnswers> {
    let earnings = prop::option::of(prop_oneof![20 => 0u64..1_000_000, 1 => Just(u64::MAX / 2)]);
    // 0 and 1 are errors (no size; too many contracts a month); the rest keep the cases quick.
    let size = prop::option::of(prop_oneof![
        1 => Just(0u64),
        1 => Just(1u64),
        20 => 10_000u64..300_000,
    ]);
    let mix = prop_oneof![
        20 => (0u32..=100, 0u32..=100).prop_map(|(fixed, h)| {
            let hourly = h.min(100 - fixed);
            WorkMix { fixed, hourly, task: 100 - fixed - hourly }
        }),
        1 => (0u32..200, 0u32..200, 0u32..200).prop_map(|(fixed, hourly, task)| WorkMix { fixed, hourly, task }),
    ];
    let first_month = prop::option::of(
        (0i32..3, 1u32..=12)
            .prop_map(move |(y, m)| YearMonth::new(fy.saturating_add(y - 1), m).expect("a month")),
    );
    (earnings, size, mix, first_month).prop_map(
        |(monthly_earnings, contract_size, mix, first_month)| QuickAnswers {
            monthly_earnings,
            contract_size,
            mix,
            first_month,
        },
    )
}

fn fiscal_year() -> impl Strategy<Value = i32> {
    prop_oneof![
        40 => 2015i32..2035,
        1 => Just(262_142),
        1 => Just(i32::MAX),
        1 => Just(i32::MIN),
    ]
}

fn scenario() -> impl Strategy<Value = ScenarioFile> {
    (fiscal_year(), answers(), 0u8..4)
        .prop_flat_map(|(fy, answers, mode)| {
            let estimate = match mode {
                0 => Just(None).boxed(),
                1 => quick(fy)
                    .prop_map(|q| Some(EstimateInput::Quick(q)))
                    .boxed(),
                2 => contracts(fy)
                    .prop_map(|contracts| Some(EstimateInput::Detailed { contracts }))
                    .boxed(),
                _ => months(fy)
                    .prop_map(|months| Some(EstimateInput::Actual { months }))
                    .boxed(),
            };
            (Just(fy), Just(answers), estimate)
        })
        .prop_map(|(fy, answers, estimate)| {
            let mut f = ScenarioFile::new(fy);
            f.answers = answers;
            f.estimate = estimate;
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The lean answer is the evaluation's: the same drafting (ready, forecast or not; or the same
    /// reason and words), or the same error.
    #[test]
    fn drafting_for_agrees_with_the_evaluation(file in scenario(), today in a_day()) {
        prop_assert_eq!(drafting_for(rules(), &file, today), by_evaluation(&file, today));
    }
}

/// The writer of the flow tests (lives in Isumi and joined hinode on 2025-04-01, shared house) for
/// FY2026 with `estimate`.
fn writer_file(fy: i32, estimate: Option<EstimateInput>) -> ScenarioFile {
    let mut f = ScenarioFile::new(fy);
    f.answers = writer_answers();
    f.estimate = estimate;
    f
}

fn month(y: i32, m: u32, fees: u64) -> MonthFees {
    MonthFees {
        month: YearMonth::new(y, m).expect("a month"),
        fees,
    }
}

fn not_ready(reason: NotDraftable, ja: &str, en: &str) -> Result<Drafting, ScenarioError> {
    Ok(Drafting::NotReady {
        reason,
        text: Text::new(ja, en),
    })
}

/// Cases worked by hand, each also against the evaluation.
#[test]
fn worked_cases() {
    let nov = d(2026, 11, 24);
    let fees = Some(EstimateInput::Actual {
        months: vec![month(2026, 5, 20_000), month(2026, 6, 15_000)],
    });
    let planning = Answers {
        residence: Residence::PlanningToMove {
            when: Some(d(2027, 4, 1)),
        },
        ..writer_answers()
    };
    let mut before_moving = writer_file(2026, fees.clone());
    before_moving.answers = planning;
    let mut not_planning = writer_file(2026, fees.clone());
    not_planning.answers.residence = Residence::NotPlanning;
    let mut moved_in_july = writer_file(
        2025,
        Some(EstimateInput::Actual {
            months: vec![month(2025, 5, 9_000)],
        }),
    );
    moved_in_july.answers.moved_in = Some(d(2025, 7, 1));
    moved_in_july.answers.member_since = Some(d(2025, 7, 1));
    let mut mix_50 = writer_file(
        2026,
        Some(EstimateInput::Quick(QuickAnswers {
            monthly_earnings: Some(100_000),
            contract_size: Some(50_000),
            mix: WorkMix {
                fixed: 50,
                hourly: 0,
                task: 0,
            },
            first_month: None,
        })),
    );
    mix_50.answers.housing = HousingAnswer::Undecided;
    let table: Vec<(&str, ScenarioFile, NaiveDate, Result<Drafting, ScenarioError>)> = vec![
        (
            // ¥35,000 of fees in FY2026, capped at ¥30,000 (shared): a claim, a forecast in
            // November 2026.
            "forecast",
            writer_file(2026, fees.clone()),
            nov,
            Ok(Drafting::Ready { forecast: true }),
        ),
        (
            "after the year",
            writer_file(2026, fees.clone()),
            d(2027, 4, 10),
            Ok(Drafting::Ready { forecast: false }),
        ),
        (
            "not eligible",
            not_planning,
            nov,
            not_ready(
                NotDraftable::NotEligible,
                "申請書は作れません: 今の回答では、助成の対象外です。",
                "No application can be drafted: With these answers you are not eligible for the subsidy.",
            ),
        ),
        (
            // Moving in on 2027-04-01: FY2026 ends before the fees count.
            "before the move",
            before_moving,
            nov,
            not_ready(
                NotDraftable::BeforeEligible,
                "2026年度は助成の対象になる年度ではないため、申請書は作れません。",
                "FY2026 (April 2026 – March 2027) is not a year your fees count in, so no application can be drafted for it.",
            ),
        ),
        (
            "no fees given",
            writer_file(2026, None),
            nov,
            not_ready(
                NotDraftable::NoFigures,
                "2026年度に数えられる手数料がないため、申請する金額がありません。",
                "No fees count in FY2026 (April 2026 – March 2027), so there is nothing to claim.",
            ),
        ),
        (
            // Moved in (and joined) on 2025-07-01: FY2025 counts from then, and May 2025, the
            // only month given, is wholly before it. Nothing to claim.
            "all before the move",
            moved_in_july,
            nov,
            not_ready(
                NotDraftable::NoFigures,
                "2025年度に数えられる手数料がないため、申請する金額がありません。",
                "No fees count in FY2025 (April 2025 – March 2026), so there is nothing to claim.",
            ),
        ),
        (
            "a month of another year",
            writer_file(
                2026,
                Some(EstimateInput::Actual {
                    months: vec![month(2026, 5, 1_000), month(2027, 4, 1_000)],
                }),
            ),
            nov,
            Err(ScenarioError::Compute {
                text: Text::new(
                    "2027年4月は2026年度(2026年4月〜2027年3月)に含まれません。",
                    "2027-04 is not in FY2026 (April 2026 – March 2027).",
                ),
            }),
        ),
        (
            "shares not 100%",
            mix_50,
            nov,
            Err(ScenarioError::Compute {
                text: Text::new(
                    "仕事の種類の割合の合計が100%になっていません(50%)。",
                    "The shares of the kinds of work must add up to 100% (they add up to 50%).",
                ),
            }),
        ),
        (
            // The calendar's last year has no March 31 to end it.
            "a year past the calendar",
            writer_file(262_142, None),
            nov,
            Err(ScenarioError::Compute {
                text: Text::new(
                    "年度 262142 は計算できません。",
                    "Fiscal year 262142 cannot be calculated.",
                ),
            }),
        ),
    ];
    for (name, file, today, expected) in table {
        let lean = drafting_for(rules(), &file, today);
        assert_eq!(lean, expected, "{name}");
        assert_eq!(lean, by_evaluation(&file, today), "{name}: the evaluation");
    }
}

/// The guard's reason is the evaluation's words, or its error's, for the flow's own models.
#[test]
fn the_guard_refuses_as_the_evaluation_does() {
    for mode in [
        EarnMode::Quick,
        EarnMode::Detailed,
        EarnMode::Actual,
        EarnMode::Skip,
    ] {
        for (fy, stay) in [(2026, Answer::Yes), (2024, Answer::Yes), (2026, Answer::No)] {
            let mut p = writer(mode);
            p.fiscal_year = fy;
            p.stay = stay;
            let m = on_check(&p);
            for today in [common::today(), d(2027, 5, 1)] {
                let expected = match evaluate(rules(), &m.scenario(), today) {
                    Ok(o) => match o.application {
                        Drafting::Ready { .. } => None,
                        Drafting::NotReady { text, .. } => Some(text),
                    },
                    Err(e) => Some(e.text()),
                };
                assert_eq!(
                    drafting_refused(&m, today),
                    expected,
                    "{mode:?} FY{fy} {stay:?} {today}"
                );
            }
        }
    }
    // Skipping the estimate: nothing to claim, in the words of the result page.
    let m = on_check(&writer(EarnMode::Skip));
    assert_eq!(
        drafting_refused(&m, common::today()).map(|t| t.en),
        Some(
            "No fees count in FY2026 (April 2026 – March 2027), so there is nothing to claim."
                .into()
        )
    );
}
