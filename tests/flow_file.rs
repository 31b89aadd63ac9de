//! One reader, one truth, from the app's side: a file opened in the app (the engine's reader, then
//! the app's model, then the model read back as the engine takes it) gives exactly what the
//! command-line tool gives for the same file — same accept or refuse, same figures.

mod common;
#[path = "common/reader_corpus.rs"]
mod reader_corpus;

use chrono::NaiveDate;
use common::today;
use isumi_check::flow::file::open_file;
use isumi_check::rules::applicant::{AccountType, Applicant, BankAccount};
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::estimate::{QuickAnswers, WorkMix};
use isumi_check::rules::fees::{Contract, ContractKind, Payment};
use isumi_check::rules::limits::{
    FIRST_FISCAL_YEAR, FIRST_PAYMENT_DATE, LAST_FISCAL_YEAR, LAST_PAYMENT_DATE, MAX_AMOUNT,
    MAX_CONTRACTS, MAX_PAYMENTS, MAX_PAYMENTS_PER_CONTRACT, MAX_TEXT_CHARS,
};
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

/// Fiscal years: any of the program's, the bounds and just past them.
fn fiscal_year() -> impl Strategy<Value = i32> {
    prop_oneof![
        3 => prop::sample::select(vec![
            FIRST_FISCAL_YEAR - 3,
            FIRST_FISCAL_YEAR - 1,
            FIRST_FISCAL_YEAR,
            FIRST_FISCAL_YEAR + 1,
            2025,
            2026,
            LAST_FISCAL_YEAR,
            LAST_FISCAL_YEAR + 1,
        ]),
        2 => FIRST_FISCAL_YEAR..=LAST_FISCAL_YEAR,
    ]
}

/// Amounts: everyday ones, and at and just past the limit.
fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![
        10 => 0u64..400_000,
        1 => prop::sample::select(vec![0, 1, MAX_AMOUNT - 1, MAX_AMOUNT, MAX_AMOUNT + 1]),
    ]
}

/// Labels and the applicant's texts: ASCII, Japanese and other scripts (right-to-left ones
/// included, which are text, not controls), terminal controls (data), a bidi control (refused by
/// both readers), and at and just past the length limit.
fn text() -> impl Strategy<Value = String> {
    let bidi = prop::sample::select(vec![
        '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
        '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ]);
    prop_oneof![
        2 => Just(String::new()),
        3 => "[a-z ]{0,6}",
        3 => "[契約いすみ市大原サイト制作バナー日本語ａ-ｚ０-９]{1,10}",
        2 => prop::sample::select(vec![
            "עבודה", "عقد تصميم", "Café ☕", "e\u{301}\u{301}", "👩‍💻 作業", "ｶﾅ", "\u{1b}[31m赤\u{7f}\u{85}",
        ])
        .prop_map(str::to_string),
        2 => ("[a-z大原]{0,4}", bidi, "[0-9]{0,4}").prop_map(|(a, c, b)| format!("{a}{c}{b}")),
        1 => prop::sample::select(vec![MAX_TEXT_CHARS - 1, MAX_TEXT_CHARS, MAX_TEXT_CHARS + 1])
            .prop_map(|n| "契".repeat(n)),
    ]
}

/// Mostly a plain text of any script, now and then one from [`text`] (a bidi control, too long):
/// where a file has many texts, so that some are refused and most are not.
fn mostly_plain() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => "[いすみ市大原太郎イスミタロウ0-9a-z@.-]{0,12}",
        2 => prop::sample::select(vec!["עבודה", "عقد تصميم", "Café ☕", "👩‍💻 作業"])
            .prop_map(str::to_string),
        1 => text(),
    ]
}

fn kind() -> impl Strategy<Value = ContractKind> {
    prop_oneof![
        Just(ContractKind::Fixed),
        Just(ContractKind::Hourly),
        Just(ContractKind::Task),
        Just(ContractKind::Contest)
    ]
}

/// A payment date near fiscal year `fy` (the year before to the year after), or at and just past
/// the bounds of the payment dates.
fn payment_date(fy: i32) -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(fy.clamp(2016, 2099), 4, 1).unwrap();
    prop_oneof![
        20 => (0i64..1_100).prop_map(move |d| start - chrono::Duration::days(365) + chrono::Duration::days(d)),
        1 => prop::sample::select(vec![
            FIRST_PAYMENT_DATE.pred_opt().unwrap(),
            FIRST_PAYMENT_DATE,
            LAST_PAYMENT_DATE,
            LAST_PAYMENT_DATE.succ_opt().unwrap(),
        ]),
    ]
}

fn contracts(fy: i32) -> impl Strategy<Value = Vec<Contract>> {
    let payment = (payment_date(fy), amount()).prop_map(|(date, amount)| Payment { date, amount });
    let contract = (mostly_plain(), kind(), prop::collection::vec(payment, 0..6)).prop_map(
        |(label, kind, payments)| Contract {
            label,
            kind,
            payments,
        },
    );
    let day = NaiveDate::from_ymd_opt(fy.clamp(2016, 2099), 6, 1).unwrap();
    let one = move |n: usize| Contract {
        label: "A".into(),
        kind: ContractKind::Hourly,
        payments: vec![
            Payment {
                date: day,
                amount: 1_000
            };
            n
        ],
    };
    // At and just past the count limits: contracts, payments in one, payments in all.
    let counts = prop::sample::select(vec![
        (MAX_CONTRACTS, 1),
        (MAX_CONTRACTS + 1, 1),
        (1, MAX_PAYMENTS_PER_CONTRACT),
        (1, MAX_PAYMENTS_PER_CONTRACT + 1),
        (
            MAX_PAYMENTS / MAX_PAYMENTS_PER_CONTRACT,
            MAX_PAYMENTS_PER_CONTRACT,
        ),
        (
            MAX_PAYMENTS / MAX_PAYMENTS_PER_CONTRACT + 1,
            MAX_PAYMENTS_PER_CONTRACT,
        ),
    ])
    .prop_map(move |(contracts, payments)| {
        let mut cs = vec![one(payments); contracts];
        // 2,000 in all, then one more: the last contract gets a single payment.
        if contracts == MAX_PAYMENTS / MAX_PAYMENTS_PER_CONTRACT + 1 {
            cs.last_mut().unwrap().payments.truncate(1);
        }
        cs
    });
    prop_oneof![
        12 => prop::collection::vec(contract, 1..5),
        1 => counts,
    ]
}

fn estimate(fy: i32) -> impl Strategy<Value = Option<EstimateInput>> {
    let april = YearMonth::new(fy, 4).unwrap();
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
        Just(WorkMix {
            fixed: 0,
            hourly: 0,
            task: 100
        }),
    ];
    let size = prop_oneof![
        4 => 1u64..300_000,
        1 => prop::sample::select(vec![0, 1, MAX_AMOUNT, MAX_AMOUNT + 1]),
    ];
    // A month of the year (0–11 from April), or just outside it (the March before, the April after).
    let month_of_year = prop_oneof![
        6 => 0i32..12,
        1 => prop::sample::select(vec![-1, 12]),
    ];
    let month = move |i: i32| {
        if i < 0 {
            YearMonth::new(fy, 3).unwrap()
        } else {
            april.plus_months(i as u32)
        }
    };
    let quick = (
        prop::option::of(amount()),
        prop::option::of(size),
        mix,
        prop::option::of(month_of_year.clone()),
    )
        .prop_map(move |(monthly_earnings, contract_size, mix, first)| {
            EstimateInput::Quick(QuickAnswers {
                monthly_earnings,
                contract_size,
                mix,
                first_month: first.map(month),
            })
        });
    // Rarely outside the year here: one month of a dozen outside refuses the whole list.
    let month_in_list = prop_oneof![
        40 => 0i32..12,
        1 => prop::sample::select(vec![-1, 12]),
    ];
    let months = prop::collection::btree_map(month_in_list, amount(), 1..13).prop_map(move |m| {
        EstimateInput::Actual {
            months: m
                .into_iter()
                .rev()
                .map(|(i, fees)| MonthFees {
                    month: month(i),
                    fees,
                })
                .collect(),
        }
    });
    prop_oneof![
        Just(None),
        quick.prop_map(Some),
        contracts(fy).prop_map(|contracts| Some(EstimateInput::Detailed { contracts })),
        months.prop_map(Some),
    ]
}

/// The applicant's details, every field from [`mostly_plain`] (now and then from [`text`], so
/// that some applicants are refused and most are not).
fn applicant() -> impl Strategy<Value = Applicant> {
    let field = || {
        prop_oneof![
            4 => mostly_plain(),
            1 => Just(String::new()),
        ]
    };
    let person = prop::collection::vec(field(), 10);
    let bank = (prop::collection::vec(field(), 6), any::<bool>());
    (person, bank).prop_map(|(p, (b, toza))| Applicant {
        name: p[0].clone(),
        furigana: p[1].clone(),
        birth_date: p[2].clone(),
        address: p[3].clone(),
        phone: p[4].clone(),
        email: p[5].clone(),
        crowdworks_user: p[6].clone(),
        hinode_member_no: p[7].clone(),
        housing_moved_in: p[8].clone(),
        requested_amount: p[9].clone(),
        bank: BankAccount {
            bank_name: b[0].clone(),
            bank_code: b[1].clone(),
            branch_name: b[2].clone(),
            branch_code: b[3].clone(),
            account_type: if toza {
                AccountType::Toza
            } else {
                AccountType::Futsu
            },
            account_number: b[4].clone(),
            holder_kana: b[5].clone(),
        },
    })
}

/// A whole scenario file: any fiscal year of [`fiscal_year`], its estimate, maybe an applicant.
fn scenario() -> impl Strategy<Value = ScenarioFile> {
    fiscal_year().prop_flat_map(|fy| {
        (
            answers(),
            estimate(fy),
            prop::option::weighted(0.3, applicant()),
            prop_oneof![Just(Lang::Ja), Just(Lang::En)],
        )
            .prop_map(move |(answers, estimate, applicant, lang)| {
                let mut file = ScenarioFile::new(fy);
                file.lang = lang;
                file.answers = answers;
                file.estimate = estimate;
                file.applicant = applicant;
                file
            })
    })
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

    /// No file makes the two readers differ: any fiscal year (the bounds and just past them),
    /// labels and applicant texts in any script or with bidi controls, amounts and counts at and
    /// just past the limits, with or without an applicant. Both accept it with the same figures
    /// and the app keeps the applicant as written, or both refuse it for the same reason.
    #[test]
    fn no_file_makes_the_app_and_the_cli_differ(file in scenario()) {
        let json = file.to_json().unwrap();
        let (cli, app) = both(json.as_bytes());
        match (cli, app) {
            (Ok(cli), Ok(app)) => {
                prop_assert_eq!(app, cli);
                let read = read_scenario_bytes(json.as_bytes()).unwrap();
                let m = open_file("scenario.json", json.as_bytes(), Lang::Ja, today()).unwrap();
                prop_assert_eq!(&m.applicant, &read.applicant.clone().unwrap_or_default());
                // Saved again by the app, the file reads back to the same answers and figures.
                let again = m.scenario_with_applicant().to_json().unwrap();
                let (cli2, app2) = both(again.as_bytes());
                prop_assert_eq!(cli2.map_err(|e| e.to_string()), app2.map_err(|e| e.to_string()));
            }
            (Err(cli), Err(app)) => prop_assert!(app.contains(&cli), "{} / {}", cli, app),
            (cli, app) => prop_assert!(false, "the CLI gives {:?}, the app {:?}", cli, app),
        }
    }
}
