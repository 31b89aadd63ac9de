//! The sample personas of the glossary and the side-by-side comparisons of seminar mode, as data:
//! each is an ordinary [`ScenarioFile`], so the app shows it through the same engine and pages as a
//! person's own answers. Illustrative role names only (「ライターAさん」), never real people.
//!
//! The fiscal year is fixed (FY2026), and so is the day the seminar computes them as of
//! ([`SEMINAR_TODAY`], the first day of that year), so the figures on the projector are the ones the
//! tests check whatever the date of the seminar.

use crate::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use crate::rules::estimate::{QuickAnswers, WorkMix};
use crate::rules::fees::{Contract, ContractKind, Payment};
use crate::rules::scenario::{EstimateInput, ScenarioFile};
use crate::rules::{Text, Yen};
use chrono::NaiveDate;

/// The fiscal year every persona and comparison is computed for.
pub const SEMINAR_FISCAL_YEAR: i32 = 2026;

/// The day seminar mode evaluates the personas as of (pass it to `scenario::evaluate` instead of the
/// real date): the first day of [`SEMINAR_FISCAL_YEAR`]. Someone "planning to move" with no date
/// then counts from that day, so each persona shows a whole year, as a forecast.
pub const SEMINAR_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(SEMINAR_FISCAL_YEAR, 4, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A sample persona: a role name, one line about them, and their answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Persona {
    /// Role name, e.g. 「ライターAさん」.
    pub name: Text,
    /// Who they are, in one line.
    pub summary: Text,
    /// Their answers and earnings.
    pub scenario: ScenarioFile,
}

/// One column of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Column heading.
    pub label: Text,
    /// The scenario behind it.
    pub scenario: ScenarioFile,
}

/// A side-by-side comparison of 2–3 scenarios that differ in one thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Title.
    pub title: Text,
    /// What differs and what to notice.
    pub summary: Text,
    /// The scenarios, left to right.
    pub columns: Vec<Column>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Only called with literal, valid dates below; the fallback keeps this panic-free.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Answers of someone who meets every criterion, with the given housing.
fn all_met(housing: HousingAnswer) -> Answers {
    Answers {
        residence: Residence::LivesInIsumi,
        stay_3_years: Answer::Yes,
        crowdworks_account: Answer::Yes,
        hinode_special_member: Answer::Yes,
        housing,
        ..Answers::default()
    }
}

fn quick(monthly: Yen, size: Option<Yen>, mix: WorkMix) -> Option<EstimateInput> {
    Some(EstimateInput::Quick(QuickAnswers {
        monthly_earnings: Some(monthly),
        contract_size: size,
        mix,
        first_month: None,
    }))
}

fn scenario(answers: Answers, estimate: Option<EstimateInput>) -> ScenarioFile {
    let mut f = ScenarioFile::new(SEMINAR_FISCAL_YEAR);
    f.answers = answers;
    f.estimate = estimate;
    f
}

/// The six personas of the glossary, in its order (shortcut keys 1–6).
pub fn personas() -> Vec<Persona> {
    let fixed = WorkMix::only(ContractKind::Fixed);
    vec![
        Persona {
            name: Text::new("ライターAさん", "Writer A"),
            summary: Text::new(
                "東京から移住したWebライター。シェアハウス住まい、記事の契約が月に約10件(1件1万2,500円)。",
                "A web writer who moved from Tokyo. Lives in a shared house; about ten article contracts a month (¥12,500 each).",
            ),
            scenario: scenario(
                all_met(HousingAnswer::Shared),
                quick(125_000, Some(12_500), fixed),
            ),
        },
        Persona {
            name: Text::new("デザイナーBさん", "Designer B"),
            summary: Text::new(
                "アパートを借りているデザイナー。マイルストーン払いを含む固定報酬の契約。上限5万円に届きます。",
                "A designer renting an apartment. Fixed-price contracts, some paid in milestones; reaches the ¥50,000 cap.",
            ),
            scenario: scenario(
                all_met(HousingAnswer::Individual),
                Some(EstimateInput::Detailed {
                    contracts: vec![
                        Contract {
                            label: "サイト制作".into(),
                            kind: ContractKind::Fixed,
                            payments: vec![
                                Payment {
                                    date: date(2026, 5, 15),
                                    amount: 100_000,
                                },
                                Payment {
                                    date: date(2026, 6, 15),
                                    amount: 150_000,
                                },
                            ],
                        },
                        Contract {
                            label: "バナー".into(),
                            kind: ContractKind::Fixed,
                            payments: vec![Payment {
                                date: date(2026, 7, 10),
                                amount: 80_000,
                            }],
                        },
                    ],
                }),
            ),
        },
        Persona {
            name: Text::new("開発者Cさん", "Developer C"),
            summary: Text::new(
                "時間単価制の開発者。時給約3,000円で週30時間、アパート住まい。",
                "A developer on hourly contracts: about ¥3,000 an hour, 30 hours a week, in an apartment.",
            ),
            scenario: scenario(
                all_met(HousingAnswer::Individual),
                quick(360_000, None, WorkMix::only(ContractKind::Hourly)),
            ),
        },
        Persona {
            name: Text::new("在宅ワーカーDさん", "Home worker D"),
            summary: Text::new(
                "持ち家で子育てしながらタスクと小さな執筆の仕事。まだhinode特別会員ではありません。",
                "A parent doing tasks and small writing jobs at home, in an owned house; not yet a hinode special member.",
            ),
            scenario: scenario(
                Answers {
                    hinode_special_member: Answer::No,
                    ..all_met(HousingAnswer::Individual)
                },
                quick(
                    30_000,
                    Some(5_000),
                    WorkMix {
                        fixed: 50,
                        hourly: 0,
                        task: 50,
                    },
                ),
            ),
        },
        Persona {
            name: Text::new("お試し移住Eさん", "Trial stay E"),
            summary: Text::new(
                "数か月のお試し滞在。3年住むつもりはありません。",
                "On a trial stay of a few months, with no plan to stay 3 years.",
            ),
            scenario: scenario(
                Answers {
                    residence: Residence::NotPlanning,
                    stay_3_years: Answer::No,
                    crowdworks_account: Answer::Yes,
                    hinode_special_member: Answer::No,
                    housing: HousingAnswer::Shared,
                    ..Answers::default()
                },
                None,
            ),
        },
        Persona {
            name: Text::new("検討中Fさん", "Undecided F"),
            summary: Text::new(
                "移住を計画中で、住まいはまだ決めていません。hinode特別会員になるかも未定。",
                "Planning to move; has not decided where to live, nor whether to join hinode.",
            ),
            scenario: scenario(
                Answers {
                    residence: Residence::PlanningToMove { when: None },
                    stay_3_years: Answer::Yes,
                    crowdworks_account: Answer::Yes,
                    hinode_special_member: Answer::Unknown,
                    housing: HousingAnswer::Undecided,
                    ..Answers::default()
                },
                quick(100_000, Some(20_000), fixed),
            ),
        },
    ]
}

/// The comparisons shown on the compare page (shortcut C cycles through them).
pub fn comparisons() -> Vec<Comparison> {
    let fixed = WorkMix::only(ContractKind::Fixed);
    let writer = |housing| scenario(all_met(housing), quick(125_000, Some(12_500), fixed));
    let earning = |monthly| {
        scenario(
            all_met(HousingAnswer::Individual),
            quick(monthly, Some(10_000), fixed),
        )
    };
    vec![
        Comparison {
            title: Text::new("シェアハウスとアパート", "Shared house or apartment"),
            summary: Text::new(
                "同じ仕事(月12万5,000円、1件1万2,500円)でも、住まいの種類で上限が変わります。",
                "The same work (¥125,000 a month in ¥12,500 contracts): the kind of housing sets the cap.",
            ),
            columns: vec![
                Column {
                    label: Text::new("シェアハウス", "Shared house"),
                    scenario: writer(HousingAnswer::Shared),
                },
                Column {
                    label: Text::new("アパート", "Apartment"),
                    scenario: writer(HousingAnswer::Individual),
                },
            ],
        },
        Comparison {
            title: Text::new("収入の違い", "Different earnings"),
            summary: Text::new(
                "アパート住まい、1件1万円の契約。収入が少ないうちは手数料の全額が助成され、多くなると上限で止まります。",
                "An apartment, ¥10,000 contracts. At low earnings all the fees are covered; higher up the cap stops it.",
            ),
            columns: vec![
                Column {
                    label: Text::new("月1万円", "¥10,000 a month"),
                    scenario: earning(10_000),
                },
                Column {
                    label: Text::new("月3万円", "¥30,000 a month"),
                    scenario: earning(30_000),
                },
                Column {
                    label: Text::new("月10万円", "¥100,000 a month"),
                    scenario: earning(100_000),
                },
            ],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;
    use crate::rules::eligibility::Verdict;
    use crate::rules::scenario::evaluate;
    use crate::rules::span::{format_rate_range, format_yen_range};
    use crate::rules::Lang;

    /// (verdict, subsidy low, subsidy high) of a scenario; `None` subsidy when no fees were given.
    fn figures(f: &ScenarioFile) -> (Verdict, Option<(Yen, Yen)>) {
        let o = evaluate(rules(), f, SEMINAR_TODAY).expect("evaluates");
        (
            o.assessment.verdict,
            o.subsidy.map(|s| (s.low.subsidy, s.high.subsidy)),
        )
    }

    #[test]
    fn each_persona_gets_the_glossary_verdict_and_figures() {
        let p = personas();
        assert_eq!(p.len(), 6);
        // 1: 10 × (2,500 + 250) a month = 330,000 a year → shared cap.
        assert_eq!(
            figures(&p[0].scenario),
            (Verdict::Eligible, Some((30_000, 30_000)))
        );
        // 2: 35,750 + 17,600 = 53,350 → individual cap ("reaches the ¥50,000 cap").
        assert_eq!(
            figures(&p[1].scenario),
            (Verdict::Eligible, Some((50_000, 50_000)))
        );
        // 3: hourly, 950,400 of fees → individual cap.
        assert_eq!(
            figures(&p[2].scenario),
            (Verdict::Eligible, Some((50_000, 50_000)))
        );
        // 4: "eligible once you join", with that one step.
        let o = evaluate(rules(), &p[3].scenario, SEMINAR_TODAY).unwrap();
        assert_eq!(o.assessment.verdict, Verdict::EligibleOnceActionsDone);
        assert_eq!(o.assessment.actions.len(), 1);
        assert!(o.assessment.actions[0].en.contains("hinode"));
        // 5: not eligible, and the app says what would change that.
        let o = evaluate(rules(), &p[4].scenario, SEMINAR_TODAY).unwrap();
        assert_eq!(o.assessment.verdict, Verdict::NotEligible);
        assert!(!o.assessment.to_become_eligible.is_empty());
        assert!(o.subsidy.is_none());
        // 6: a range between the two caps, and the housing question narrows it.
        let o = evaluate(rules(), &p[5].scenario, SEMINAR_TODAY).unwrap();
        assert_eq!(o.assessment.verdict, Verdict::NeedsMoreInfo);
        let s = o.subsidy.unwrap();
        assert!(s.is_range);
        assert_eq!((s.low.subsidy, s.high.subsidy), (30_000, 50_000));
        assert_eq!(
            o.assessment.narrowing_question,
            Some(crate::rules::eligibility::Question::Housing)
        );
        // F's figures, each low to high: ¥100,000 a month in ¥20,000 contracts = 5 × (4,000 + 400) =
        // 22,000 a month, 264,000 a year on 1,200,000. Uncovered 264,000 − 50,000 = 214,000 to
        // 264,000 − 30,000 = 234,000; after the subsidy 214,000 / 1,200,000 = 17.83% to
        // 234,000 / 1,200,000 = 19.5% (the seminar once showed 「19.5% 〜 17.83%」).
        let f = s.figures;
        assert_eq!((f.fees.low, f.fees.high), (264_000, 264_000));
        assert_eq!((f.uncovered.low, f.uncovered.high), (214_000, 234_000));
        let after = f.fee_rate_after_subsidy_bp.expect("earnings are known");
        assert_eq!((after.low, after.high), (1783, 1950));
        assert_eq!(format_rate_range(after, Lang::Ja), "17.83% 〜 19.5%");
        assert_eq!(format_yen_range(f.uncovered, Lang::En), "¥214,000–¥234,000");
        // Seen from the seminar's day, F's year is a whole year and a forecast.
        assert!(o.forecast);
    }

    #[test]
    fn personas_cover_every_verdict_and_housing_and_have_both_languages() {
        let p = personas();
        let verdicts: Vec<Verdict> = p.iter().map(|p| figures(&p.scenario).0).collect();
        for v in [
            Verdict::Eligible,
            Verdict::EligibleOnceActionsDone,
            Verdict::NotEligible,
            Verdict::NeedsMoreInfo,
        ] {
            assert!(verdicts.contains(&v), "{v:?} is shown by a persona");
        }
        for h in [
            HousingAnswer::Shared,
            HousingAnswer::Individual,
            HousingAnswer::Undecided,
        ] {
            assert!(p.iter().any(|p| p.scenario.answers.housing == h));
        }
        for p in &p {
            assert!(!p.name.ja.is_empty() && !p.name.en.is_empty());
            assert!(!p.summary.ja.is_empty() && !p.summary.en.is_empty());
            // Each persona survives the file format the app and the CLI share.
            let back = ScenarioFile::from_json(&p.scenario.to_json().unwrap()).unwrap();
            assert_eq!(back, p.scenario);
        }
    }

    #[test]
    fn comparisons_differ_where_they_say() {
        let c = comparisons();
        assert!(!c.is_empty());
        for cmp in &c {
            assert!((2..=3).contains(&cmp.columns.len()), "{}", cmp.title.en);
        }
        let subsidies = |cmp: &Comparison| -> Vec<Option<(Yen, Yen)>> {
            cmp.columns.iter().map(|c| figures(&c.scenario).1).collect()
        };
        // Same work: the shared house is capped at 30,000, the apartment at 50,000.
        assert_eq!(
            subsidies(&c[0]),
            vec![Some((30_000, 30_000)), Some((50_000, 50_000))]
        );
        // ¥10,000 a month: 2,200 of fees a month, 26,400 a year, all covered; then the cap.
        assert_eq!(
            subsidies(&c[1]),
            vec![
                Some((26_400, 26_400)),
                Some((50_000, 50_000)),
                Some((50_000, 50_000))
            ]
        );
    }
}
