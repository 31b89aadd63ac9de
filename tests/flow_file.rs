//! One reader, one truth, from the app's side: a file opened in the app (the engine's reader, then
//! the app's model, then the model read back as the engine takes it) gives exactly what the
//! command-line tool gives for the same file — same accept or refuse, same figures.

mod common;
#[path = "common/reader_corpus.rs"]
mod reader_corpus;

use chrono::NaiveDate;
use common::today;
use isumi_check::flow::file::open_file;
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::estimate::{QuickAnswers, WorkMix};
use isumi_check::rules::fees::{Contract, ContractKind, Payment};
use isumi_check::rules::scenario::{
    evaluate, read_scenario_bytes, EstimateInput, Outcome, ScenarioFile,
};
use isumi_check::rules::subsidy::{MonthFees, YearMonth};
use isumi_check::rules::Lang;
use proptest::prelude::*;

/// What the command-line tool computes for `bytes`, and what the app computes after opening
/// them. The outcome's language is the reader's choice (the app keeps the person's), so it is
/// left out of the comparison.
fn both(bytes: &[u8]) -> (Result<Outcome, String>, Result<Outcome, String>) {
    let cli = read_scenario_bytes(bytes)
        .map_err(|e| e.text().en)
        .and_then(|f| evaluate(rules(), &f, today()).map_err(|e| e.text().en))
        .map(|mut o| {
            o.lang = Lang::Ja;
            o
        });
    let app = open_file("scenario.json", bytes, Lang::Ja, today())
        .map_err(|t| t.en)
        .and_then(|m| evaluate(rules(), &m.scenario(), today()).map_err(|e| e.text().en));
    (cli, app)
}

#[test]
fn every_file_of_the_corpus_gives_the_same_answer_in_the_app_and_the_cli() {
    for (name, bytes, _) in reader_corpus::corpus() {
        match both(&bytes) {
            (Ok(cli), Ok(app)) => assert_eq!(app, cli, "{name}: the same figures"),
            (Err(cli), Err(app)) => {
                assert!(
                    app.contains(&cli),
                    "{name}: the app says the reader's reason: {app}"
                )
            }
            (cli, app) => panic!("{name}: the CLI gives {cli:?}, the app {app:?}"),
        }
    }
}

#[test]
fn a_mix_the_form_cannot_make_is_kept_from_the_file() {
    // 60/20/20 is not an equal split of three kinds: the app must not recompute it as 34/33/33.
    let bytes = reader_corpus::quick(
        2026,
        r#""monthly_earnings":100000,"contract_size":20000,"mix":{"fixed":60,"hourly":20,"task":20}"#,
    );
    let (cli, app) = both(bytes.as_bytes());
    assert_eq!(app.unwrap(), cli.unwrap());
}

fn contracts() -> impl Strategy<Value = Vec<Contract>> {
    let payment = (0i64..700, 0u64..400_000).prop_map(|(day, amount)| Payment {
        date: NaiveDate::from_ymd_opt(2025, 4, 1).unwrap() + chrono::Duration::days(day),
        amount,
    });
    let kind = prop_oneof![
        Just(ContractKind::Fixed),
        Just(ContractKind::Hourly),
        Just(ContractKind::Task),
        Just(ContractKind::Contest)
    ];
    let contract = ("[a-z ]{0,6}", kind, prop::collection::vec(payment, 0..6)).prop_map(
        |(label, kind, payments)| Contract {
            label,
            kind,
            payments,
        },
    );
    prop::collection::vec(contract, 1..5)
}

fn estimate() -> impl Strategy<Value = Option<EstimateInput>> {
    let mix = prop_oneof![
        Just(WorkMix::default()),
        Just(WorkMix {
            fixed: 60,
            hourly: 20,
            task: 20
        }),
        Just(WorkMix {
            fixed: 0,
            hourly: 50,
            task: 50
        }),
        Just(WorkMix {
            fixed: 34,
            hourly: 33,
            task: 33
        }),
    ];
    let quick = (
        prop::option::of(0u64..2_000_000),
        prop::option::of(1u64..300_000),
        mix,
        prop::option::of(0u32..12),
    )
        .prop_map(|(monthly_earnings, contract_size, mix, first)| {
            EstimateInput::Quick(QuickAnswers {
                monthly_earnings,
                contract_size,
                mix,
                first_month: first.map(|i| YearMonth::new(2025, 4).unwrap().plus_months(i)),
            })
        });
    let months = prop::collection::btree_map(0u32..12, 0u64..200_000, 0..12).prop_map(|m| {
        EstimateInput::Actual {
            months: m
                .into_iter()
                .rev()
                .map(|(i, fees)| MonthFees {
                    month: YearMonth::new(2025, 4).unwrap().plus_months(i),
                    fees,
                })
                .collect(),
        }
    });
    prop_oneof![
        Just(None),
        quick.prop_map(Some),
        contracts().prop_map(|contracts| Some(EstimateInput::Detailed { contracts })),
        months.prop_map(Some),
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    let a = || prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unknown)];
    let residence = prop_oneof![
        Just(Residence::LivesInIsumi),
        Just(Residence::PlanningToMove { when: None }),
        Just(Residence::PlanningToMove {
            when: NaiveDate::from_ymd_opt(2027, 4, 1)
        }),
        Just(Residence::NotPlanning),
        Just(Residence::Unknown),
    ];
    let housing = prop_oneof![
        Just(HousingAnswer::Shared),
        Just(HousingAnswer::Individual),
        Just(HousingAnswer::Undecided)
    ];
    let date =
        || {
            prop::option::of((0i64..3000).prop_map(|d| {
                NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Duration::days(d)
            }))
        };
    (residence, a(), a(), a(), housing, date(), date()).prop_map(
        |(residence, s, c, m, housing, moved_in, member_since)| Answers {
            residence,
            stay_3_years: s,
            crowdworks_account: c,
            hinode_special_member: m,
            housing,
            moved_in,
            member_since,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// No accepted file makes the two readers differ.
    #[test]
    fn no_file_makes_the_app_and_the_cli_differ(answers in answers(), estimate in estimate()) {
        let mut file = ScenarioFile::new(2025);
        file.answers = answers;
        file.estimate = estimate;
        let json = file.to_json().unwrap();
        let (cli, app) = both(json.as_bytes());
        match (cli, app) {
            (Ok(cli), Ok(app)) => prop_assert_eq!(app, cli),
            (Err(cli), Err(app)) => prop_assert!(app.contains(&cli)),
            (cli, app) => prop_assert!(false, "the CLI gives {:?}, the app {:?}", cli, app),
        }
    }
}
