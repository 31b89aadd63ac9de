//! Property tests of the engine. Bounded case counts keep the whole file to a few seconds.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::estimate::{QuickAnswers, WorkMix};
use isumi_check::rules::fees::{
    contract_fees, single_payment_fee, Contract, ContractKind, Payment,
};
use isumi_check::rules::scenario::{evaluate, EstimateInput, ScenarioFile};
use isumi_check::rules::span::Span;
use isumi_check::rules::subsidy::{subsidy_by_year, totals_by_year, Housing};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// The day the scenario fuzz evaluates as of.
fn today() -> NaiveDate {
    d(2026, 11, 24)
}

/// A date in one tax regime: before (2018-04..2019-09) or after (2019-10..2027-03) the change.
fn date_in(after: bool, offset: u32) -> NaiveDate {
    let (start, days) = if after {
        (d(2019, 10, 1), 2738)
    } else {
        (d(2018, 4, 1), 547)
    };
    start + chrono::Days::new(u64::from(offset % days))
}

fn kind() -> impl Strategy<Value = ContractKind> {
    prop_oneof![
        Just(ContractKind::Fixed),
        Just(ContractKind::Hourly),
        Just(ContractKind::Task),
        Just(ContractKind::Contest)
    ]
}

fn total_fee(kind: ContractKind, payments: Vec<Payment>) -> u64 {
    let c = Contract {
        label: "p".into(),
        kind,
        payments,
    };
    contract_fees(rules(), 0, &c)
        .expect("fees")
        .total_fee_with_tax
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A contract's total fee does not depend on how it is split into milestones (within one regime).
    #[test]
    fn splitting_never_changes_the_total(
        parts in prop::collection::vec(1u64..400_000, 1..8),
        after in any::<bool>(),
        offsets in prop::collection::vec(0u32..3000, 8),
        task in any::<bool>(),
    ) {
        let kind = if task { ContractKind::Task } else { ContractKind::Fixed };
        let total: u64 = parts.iter().sum();
        let milestones: Vec<Payment> = parts
            .iter()
            .zip(&offsets)
            .map(|(&amount, &o)| Payment { date: date_in(after, o), amount })
            .collect();
        let one = vec![Payment { date: date_in(after, offsets[0]), amount: total }];
        prop_assert_eq!(total_fee(kind, milestones), total_fee(kind, one));
    }

    /// Fees never fall as the amount rises.
    #[test]
    fn fees_are_monotone(a in 0u64..3_000_000, extra in 0u64..300_000, after in any::<bool>(), o in 0u32..3000, k in kind()) {
        let date = date_in(after, o);
        let f1 = single_payment_fee(rules(), k, date, a).expect("fee");
        let f2 = single_payment_fee(rules(), k, date, a + extra).expect("fee");
        prop_assert!(f1.fee_with_tax <= f2.fee_with_tax);
        prop_assert!(f1.fee_before_tax <= f2.fee_before_tax);
    }

    /// A contract's fee with tax is at most 22% of its amount (20% + 10% tax; 20% tax-inclusive before).
    #[test]
    fn fee_with_tax_at_most_22_percent(
        parts in prop::collection::vec(0u64..1_000_000, 1..6),
        offsets in prop::collection::vec(0u32..4000, 6),
        k in kind(),
    ) {
        let payments: Vec<Payment> = parts
            .iter()
            .zip(&offsets)
            .map(|(&amount, &o)| Payment { date: d(2017, 6, 1) + chrono::Days::new(u64::from(o)), amount })
            .collect();
        let c = Contract { label: "p".into(), kind: k, payments };
        let f = contract_fees(rules(), 0, &c).expect("fees");
        prop_assert!(f.total_fee_with_tax * 100 <= f.total_amount * 22, "{} on {}", f.total_fee_with_tax, f.total_amount);
        for p in &f.payments {
            prop_assert_eq!(p.fee_before_tax + p.tax, p.fee_with_tax);
            prop_assert!(p.receives <= p.amount);
        }
    }

    /// The tier boundaries are exact, after the tax change: F(c) = floor(20%·c) up to 100,000, then
    /// 10% up to 200,000, then 5%.
    #[test]
    fn tier_boundaries_exact(c in 0u64..400_000) {
        let f = single_payment_fee(rules(), ContractKind::Fixed, d(2024, 6, 1), c).expect("fee");
        let want = if c <= 100_000 {
            c / 5
        } else if c <= 200_000 {
            20_000 + (c - 100_000) / 10
        } else {
            30_000 + (c - 200_000) / 20
        };
        prop_assert_eq!(f.fee_before_tax, want);
        prop_assert_eq!(f.tax, want / 10);
    }

    /// The subsidy is never more than the cap or the fees, and fees = subsidy + uncovered.
    #[test]
    fn subsidy_within_cap_and_fees(
        contracts in prop::collection::vec(
            (kind(), prop::collection::vec((0u32..3000, 0u64..500_000), 1..5)), 1..6),
        individual in any::<bool>(),
    ) {
        let contracts: Vec<Contract> = contracts
            .into_iter()
            .map(|(kind, ps)| Contract {
                label: "p".into(),
                kind,
                payments: ps
                    .into_iter()
                    .map(|(o, amount)| Payment { date: d(2018, 4, 1) + chrono::Days::new(u64::from(o)), amount })
                    .collect(),
            })
            .collect();
        let housing = if individual { Housing::Individual } else { Housing::Shared };
        let report = subsidy_by_year(rules(), &contracts, housing).expect("subsidy");
        for y in &report.years {
            prop_assert!(y.subsidy <= y.cap);
            prop_assert!(y.subsidy <= y.fees);
            prop_assert_eq!(y.subsidy + y.uncovered, y.fees);
            prop_assert_eq!(y.cap, rules().cap(housing));
            prop_assert_eq!(y.subsidy, y.fees.min(y.cap));
        }
        // The trace-free totals agree with the full results, year by year.
        let totals = totals_by_year(rules(), &contracts, housing).expect("totals");
        let full: Vec<(i32, u64, u64)> = report
            .years
            .iter()
            .filter(|y| !y.payments.is_empty())
            .map(|y| (y.fiscal_year, y.fees, y.subsidy))
            .collect();
        let fast: Vec<(i32, u64, u64)> = totals.years.iter().map(|t| (t.fiscal_year, t.fees, t.subsidy)).collect();
        prop_assert_eq!(full, fast);
    }
}

const VALID: &str = r#"{"format":"isumi-check","format_version":1,"lang":"ja","fiscal_year":2026,
"answers":{"residence":{"planning_to_move":{"when":"2027-01-04"}},"stay_3_years":"yes","crowdworks_account":"no","hinode_special_member":"unknown","housing":"undecided"},
"estimate":{"mode":"quick","monthly_earnings":120000,"contract_size":null,"mix":{"fixed":60,"hourly":20,"task":20},"first_month":"2026-10"},
"applicant":null}"#;

const VALID_DETAILED: &str = r#"{"format":"isumi-check","format_version":1,"fiscal_year":2019,
"estimate":{"mode":"detailed","contracts":[{"label":"A","kind":"fixed","payments":[{"date":"2019-09-20","amount":80000},{"date":"2019-10-20","amount":50000}]}]}}"#;

/// Reading must never panic; a file that reads must evaluate without panicking (errors are fine).
fn read_and_evaluate(s: &str) {
    if let Ok(f) = ScenarioFile::from_json(s) {
        let _ = evaluate(rules(), &f, today());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn scenario_reader_survives_arbitrary_strings(s in ".{0,200}") {
        read_and_evaluate(&s);
    }

    #[test]
    fn scenario_reader_survives_mutated_json(
        base in prop_oneof![Just(VALID), Just(VALID_DETAILED)],
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, "[0-9a-z\"{}\\[\\],:. -]{0,6}"), 1..4),
    ) {
        let mut s = base.to_string();
        for (at, cut, insert) in edits {
            // Cut and insert on char boundaries only (the sample holds multi-byte text).
            let mut i = at.index(s.len() + 1);
            while !s.is_char_boundary(i) { i -= 1; }
            let mut j = (i + cut).min(s.len());
            while !s.is_char_boundary(j) { j += 1; }
            s.replace_range(i..j, &insert);
        }
        read_and_evaluate(&s);
    }

    /// Numbers swapped into a valid file (huge amounts, odd years, big shares) never panic either.
    #[test]
    fn scenario_reader_survives_extreme_numbers(n in prop_oneof![any::<u64>().prop_map(|v| v.to_string()), any::<i64>().prop_map(|v| v.to_string())], which in 0usize..4) {
        let s = match which {
            0 => VALID.replace("120000", &n),
            1 => VALID.replace("\"fiscal_year\":2026", &format!("\"fiscal_year\":{n}")),
            2 => VALID.replace("\"fixed\":60", &format!("\"fixed\":{n}")),
            _ => VALID_DETAILED.replace("80000", &n),
        };
        read_and_evaluate(&s);
    }
}

#[test]
fn the_fuzz_seeds_are_valid() {
    // Guards the fuzz tests above: they must start from files that read and evaluate.
    for s in [VALID, VALID_DETAILED] {
        let f = ScenarioFile::from_json(s).expect("valid seed");
        evaluate(rules(), &f, today()).expect("evaluates");
    }
}

fn housing() -> impl Strategy<Value = HousingAnswer> {
    prop_oneof![
        Just(HousingAnswer::Shared),
        Just(HousingAnswer::Individual),
        Just(HousingAnswer::Undecided)
    ]
}

/// The smallest span holding every value, built by hand (not with `Span::of`, which the engine uses).
fn brute<T: Ord + Copy>(values: &[T]) -> Option<Span<T>> {
    let low = *values.iter().min()?;
    let high = *values.iter().max()?;
    Some(Span { low, high })
}

/// The figures of one corner of a range: every "I don't know" answer and the housing replaced by
/// one of the values the range tries, so the scenario has a single result.
#[derive(Clone, Copy, Debug)]
struct CornerFigures {
    earnings: u64,
    fees: u64,
    subsidy: u64,
    uncovered: u64,
    rates: Option<(u32, u32)>,
    outlook_total: u64,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every figure of a range is the lowest and the highest that figure takes over the corners of
    /// the range: each combination of the defaults for the "I don't know" answers (monthly earnings,
    /// contract size) with each cap the housing may bring, each evaluated on its own as a scenario
    /// with no unknown left. Computed here by brute force, figure by figure.
    #[test]
    fn range_figures_are_the_extremes_over_every_corner(
        earnings in prop::option::of(1u64..400_000),
        size in prop::option::of(1_000u64..300_000),
        shares in (0u32..=100, 0u32..=100),
        h in housing(),
        fy in 2019i32..2029,
        moved in prop::option::of(0u32..3000),
    ) {
        // Shares that add up to 100.
        let fixed = shares.0;
        let hourly = shares.1.min(100 - fixed);
        let mix = WorkMix { fixed, hourly, task: 100 - fixed - hourly };
        let scenario = |earnings: Option<u64>, size: Option<u64>, h: HousingAnswer| {
            let mut f = ScenarioFile::new(fy);
            f.answers = Answers {
                residence: Residence::LivesInIsumi,
                moved_in: moved.map(|o| d(2018, 4, 1) + chrono::Days::new(u64::from(o))),
                stay_3_years: Answer::Yes,
                crowdworks_account: Answer::Yes,
                hinode_special_member: Answer::Yes,
                housing: h,
                ..Answers::default()
            };
            f.estimate = Some(EstimateInput::Quick(QuickAnswers {
                monthly_earnings: earnings,
                contract_size: size,
                mix,
                first_month: None,
            }));
            f
        };
        let Ok(o) = evaluate(rules(), &scenario(earnings, size, h), today()) else {
            // Too many contracts a month for tiny sizes: an error, not a range.
            return Ok(());
        };
        let r = o.subsidy.expect("fees given");
        let g = r.figures;
        let q = &rules().quick_estimate;
        let options = |given: Option<u64>, low: u64, high: u64| match given {
            Some(v) => vec![v],
            None => vec![low, high],
        };
        let housings = match h {
            HousingAnswer::Undecided => vec![HousingAnswer::Shared, HousingAnswer::Individual],
            h => vec![h],
        };
        let mut corners: Vec<CornerFigures> = Vec::new();
        for e in options(earnings, q.monthly_earnings.low, q.monthly_earnings.high) {
            for s in options(size, q.contract_size.low, q.contract_size.high) {
                for &h in &housings {
                    let c = evaluate(rules(), &scenario(Some(e), Some(s), h), today())
                        .expect("every corner of a range that computes computes");
                    let y = c.subsidy.expect("fees given");
                    prop_assert!(!y.is_range, "a corner has no unknown left");
                    let y = y.low;
                    let e = y.earnings.expect("quick estimates have earnings");
                    corners.push(CornerFigures {
                        earnings: e,
                        fees: y.fees,
                        subsidy: y.subsidy,
                        uncovered: y.uncovered,
                        rates: (e > 0).then(|| {
                            (
                                y.fee_rate_bp.expect("rate"),
                                y.fee_rate_after_subsidy_bp.expect("rate"),
                            )
                        }),
                        outlook_total: c.outlook.expect("outlook").total.high,
                    });
                }
            }
        }
        let all = |f: fn(&CornerFigures) -> u64| -> Vec<u64> { corners.iter().map(f).collect() };
        prop_assert_eq!(g.earnings, brute(&all(|c| c.earnings)), "earnings");
        prop_assert_eq!(Some(g.fees), brute(&all(|c| c.fees)), "fees");
        prop_assert_eq!(Some(g.subsidy), brute(&all(|c| c.subsidy)), "subsidy");
        prop_assert_eq!(Some(g.uncovered), brute(&all(|c| c.uncovered)), "uncovered");
        let rates: Vec<(u32, u32)> = corners.iter().filter_map(|c| c.rates).collect();
        let before: Vec<u32> = rates.iter().map(|r| r.0).collect();
        let after: Vec<u32> = rates.iter().map(|r| r.1).collect();
        prop_assert_eq!(g.fee_rate_bp, brute(&before), "fee rate");
        prop_assert_eq!(g.fee_rate_after_subsidy_bp, brute(&after), "rate after subsidy");
        // The subsidy's ends are the results shown as the low and the high case.
        prop_assert_eq!((g.subsidy.low, g.subsidy.high), (r.low.subsidy, r.high.subsidy));
        // The outlook's total spans every corner too.
        let out = o.outlook.expect("outlook with fees");
        prop_assert_eq!(Some(out.total), brute(&all(|c| c.outlook_total)), "outlook total");
    }

    /// Evaluating as of any day never panics, and a year before the day fees count never reads as
    /// positive.
    #[test]
    fn any_today_any_dates(
        t in 0u32..6000,
        moved in prop::option::of(0u32..6000),
        joined in prop::option::of(0u32..6000),
        planning in any::<bool>(),
        member in any::<bool>(),
        fy in 2015i32..2035,
    ) {
        let day = |o: u32| d(2016, 1, 1) + chrono::Days::new(u64::from(o));
        let mut f = ScenarioFile::from_json(VALID_DETAILED).expect("seed");
        f.fiscal_year = fy;
        f.answers = Answers {
            residence: if planning {
                Residence::PlanningToMove { when: moved.map(day) }
            } else {
                Residence::LivesInIsumi
            },
            moved_in: moved.map(day),
            stay_3_years: Answer::Yes,
            crowdworks_account: Answer::Yes,
            hinode_special_member: if member { Answer::Yes } else { Answer::No },
            member_since: joined.map(day),
            housing: HousingAnswer::Undecided,
        };
        if let Ok(o) = evaluate(rules(), &f, day(t)) {
            if !o.timing.year_status.can_claim() {
                prop_assert!(!o.timing.positive);
                prop_assert!(!o.application.is_ready());
                prop_assert_eq!(o.subsidy.expect("fees").figures.subsidy.high, 0);
            }
        }
    }
}

#[test]
fn dates_at_the_calendar_limits_never_panic() {
    let days = [
        NaiveDate::MIN,
        NaiveDate::MAX,
        d(1970, 1, 1),
        d(2018, 9, 30),
        d(9999, 12, 31),
    ];
    for seed in [VALID, VALID_DETAILED] {
        for &today in &days {
            for &date in &days {
                for fy in [i32::MIN, -1, 2018, 2026, 262_142, i32::MAX] {
                    let mut f = ScenarioFile::from_json(seed).expect("seed");
                    f.fiscal_year = fy;
                    f.answers.moved_in = Some(date);
                    f.answers.member_since = Some(date);
                    for residence in [
                        Residence::LivesInIsumi,
                        Residence::PlanningToMove { when: Some(date) },
                    ] {
                        f.answers.residence = residence;
                        let _ = evaluate(rules(), &f, today);
                    }
                }
            }
        }
    }
}
