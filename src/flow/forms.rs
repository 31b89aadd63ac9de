//! Drafts → engine inputs, or the problems with what was typed (each naming its field, in both
//! languages). The same bounds as the scenario-file reader apply: what the form refuses, a file
//! is refused too.

use super::drafts::{ContractDraft, Drafts, QuickDraft};
use super::model::{EarnMode, FieldProblem, Model};
use super::page::Page;
use crate::rules::amount::{parse_amount, AmountError};
use crate::rules::applicant::{field_label, validate_as_of, Applicant, Severity};
use crate::rules::calendar::{fiscal_year_months, month_label, YearMonth};
use crate::rules::eligibility::{Answer, Residence};
use crate::rules::estimate::{QuickAnswers, WorkMix};
use crate::rules::fees::{Contract, Payment};
use crate::rules::limits::{check_count, check_payment_date, check_text, Counted, LimitError};
use crate::rules::scenario::EstimateInput;
use crate::rules::subsidy::MonthFees;
use crate::rules::wareki::parse_date;
use crate::rules::{Lang, Text};
use chrono::NaiveDate;

type Problems = Vec<FieldProblem>;

fn amount_text(e: AmountError) -> Text {
    Text::new(e.message(Lang::Ja), e.message(Lang::En))
}

/// An optional date field: blank is `None`; anything else must be a date (ISO, slashes, 和暦).
pub fn optional_date(typed: &str, field: &str) -> Result<Option<NaiveDate>, Problems> {
    let s = typed.trim();
    if s.is_empty() {
        return Ok(None);
    }
    parse_date(s).map(Some).map_err(|e| {
        vec![FieldProblem::new(
            field,
            Text::new(e.message(Lang::Ja), e.message(Lang::En)),
        )]
    })
}

/// The quick-estimate form as the engine takes it.
pub fn quick_input(d: &QuickDraft, fy: i32) -> Result<QuickAnswers, Problems> {
    let mut problems = Vec::new();
    let monthly = if d.monthly_unknown {
        None
    } else {
        parse_amount(&d.monthly)
            .map_err(|e| problems.push(FieldProblem::new("quick-monthly", amount_text(e))))
            .ok()
    };
    let size = if d.size_unknown {
        None
    } else {
        match parse_amount(&d.size) {
            Ok(0) => {
                problems.push(FieldProblem::new(
                    "quick-size",
                    Text::new(
                        "1件の金額は1円以上で入力してください。",
                        "Enter a contract size of at least ¥1.",
                    ),
                ));
                None
            }
            Ok(v) => Some(v),
            Err(e) => {
                problems.push(FieldProblem::new("quick-size", amount_text(e)));
                None
            }
        }
    };
    // Shares from a file are kept while they fit the kinds ticked; otherwise equal shares.
    let mix = d
        .shares
        .filter(|m| [m.fixed > 0, m.hourly > 0, m.task > 0] == [d.fixed, d.hourly, d.task])
        .or_else(|| WorkMix::equal(d.fixed, d.hourly, d.task));
    if mix.is_none() {
        problems.push(FieldProblem::new(
            "quick-kind-fixed",
            Text::new(
                "仕事の種類を1つ以上選んでください。",
                "Choose at least one kind of work.",
            ),
        ));
    }
    match mix {
        Some(mix) if problems.is_empty() => Ok(QuickAnswers {
            monthly_earnings: monthly,
            contract_size: size,
            mix,
            // A month left over from another fiscal year no longer applies.
            first_month: d.first_month.filter(|m| m.fiscal_year() == fy),
        }),
        _ => Err(problems),
    }
}

/// The input ids of payment `pi` of contract `ci` (`field` is `date` or `amount`).
pub fn payment_field(ci: usize, pi: usize, field: &str) -> String {
    format!("c{ci}-p{pi}-{field}")
}

/// The contracts form as the engine takes it. Rows left entirely blank are skipped; every other
/// row must have a date and an amount.
pub fn contracts_input(drafts: &[ContractDraft]) -> Result<Vec<Contract>, Problems> {
    let mut problems = Vec::new();
    let mut contracts = Vec::new();
    for (ci, c) in drafts.iter().enumerate() {
        let mut payments = Vec::new();
        for (pi, p) in c.payments.iter().enumerate() {
            if p.date.trim().is_empty() && p.amount.trim().is_empty() {
                continue;
            }
            // Both fields are checked, so one Continue reports every problem of the row.
            let row = |field: &str, ja: &str, en: &str| {
                FieldProblem::new(
                    payment_field(ci, pi, field),
                    Text::new(
                        format!("契約{} の支払い{}: {ja}", ci + 1, pi + 1),
                        format!("Contract {}, payment {}: {en}", ci + 1, pi + 1),
                    ),
                )
            };
            // The same bounds as a file: a date the fees can be computed for, in the years the
            // program can reach.
            let date = parse_date(p.date.trim())
                .map_err(|e| Text::new(e.message(Lang::Ja), e.message(Lang::En)))
                .and_then(|d| check_payment_date(d).map(|_| d).map_err(|e| e.text()))
                .map_err(|t| problems.push(row("date", &t.ja, &t.en)))
                .ok();
            let amount = parse_amount(&p.amount)
                .map_err(|e| {
                    problems.push(row("amount", &e.message(Lang::Ja), &e.message(Lang::En)))
                })
                .ok();
            if let (Some(date), Some(amount)) = (date, amount) {
                payments.push(Payment { date, amount });
            }
        }
        if let Err(e) = check_text(&c.label) {
            problems.push(FieldProblem::new(
                format!("c{ci}-label"),
                Text::new(
                    format!("契約{} の名前: {}", ci + 1, e.text().ja),
                    format!("Contract {}'s name: {}", ci + 1, e.text().en),
                ),
            ));
        }
        contracts.push(Contract {
            // Kept as typed, as a file keeps it. Unnamed contracts stay unnamed (language-
            // independent); the engine names them by kind and number in its trace.
            label: c.label.clone(),
            kind: c.kind,
            payments,
        });
    }
    let payments: usize = drafts.iter().map(|c| c.payments.len()).sum();
    for (what, found) in [
        (Counted::Contracts, drafts.len()),
        (Counted::Payments, payments),
    ]
    .into_iter()
    .chain(
        drafts
            .iter()
            .map(|c| (Counted::PaymentsInContract, c.payments.len())),
    ) {
        if let Err(e) = check_count(what, found) {
            problems.push(FieldProblem::new(payment_field(0, 0, "amount"), e.text()));
        }
    }
    if contracts.iter().all(|c| c.payments.is_empty()) && problems.is_empty() {
        let none = LimitError::NoneGiven {
            what: Counted::Payments,
        };
        problems.push(FieldProblem::new(
            payment_field(0, 0, "amount"),
            none.text(),
        ));
    }
    if problems.is_empty() {
        Ok(contracts)
    } else {
        Err(problems)
    }
}

/// The month-by-month fees form as the engine takes it (entry `i` is the `i`-th month from April).
pub fn months_input(fy: i32, months: &[String]) -> Result<Vec<MonthFees>, Problems> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let year = fiscal_year_months(fy);
    if year.is_empty() {
        return Err(vec![FieldProblem::new(
            "month-0",
            Text::new("年度が正しくありません。", "The fiscal year is not valid."),
        )]);
    }
    for (typed, month) in months.iter().zip(year) {
        if typed.trim().is_empty() {
            continue;
        }
        match parse_amount(typed) {
            Ok(fees) => out.push(MonthFees { month, fees }),
            Err(e) => problems.push(FieldProblem::new(
                month_field(month),
                Text::new(
                    format!("{}: {}", month_label(month, Lang::Ja), e.message(Lang::Ja)),
                    format!("{}: {}", month_label(month, Lang::En), e.message(Lang::En)),
                ),
            )),
        }
    }
    if out.is_empty() && problems.is_empty() {
        let none = LimitError::NoneGiven {
            what: Counted::Months,
        };
        problems.push(FieldProblem::new("month-0", none.text()));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The input id of a month's fees on the actual-fees page: `month-0` is April … `month-11` March.
pub fn month_field(m: YearMonth) -> String {
    format!("month-{}", (m.month as usize + 8) % 12)
}

/// The fees as the engine takes them (`None`: no estimate), or the problems of the form.
pub fn estimate_input(m: &Model) -> Result<Option<EstimateInput>, Problems> {
    let d: &Drafts = &m.drafts;
    match m.earn_mode {
        None | Some(EarnMode::Skip) => Ok(None),
        Some(EarnMode::Quick) => {
            quick_input(&d.quick, m.fiscal_year).map(|q| Some(EstimateInput::Quick(q)))
        }
        Some(EarnMode::Detailed) => contracts_input(&d.contracts_shown())
            .map(|contracts| Some(EstimateInput::Detailed { contracts })),
        Some(EarnMode::Actual) => months_input(m.fiscal_year, &d.months)
            .map(|months| Some(EstimateInput::Actual { months })),
    }
}

/// The `id` of the input for an applicant field id of the engine (`"bank.bank_code"` →
/// `"applicant-bank-bank_code"`: no dot, so it also works in a CSS selector).
pub fn applicant_input_id(field: &str) -> String {
    format!("applicant-{}", field.replace('.', "-"))
}

/// The blocking problems (errors, not warnings) with the applicant's details, each message led
/// by the field's name so the error summary reads on its own.
pub fn applicant_problems(a: &Applicant, today: NaiveDate) -> Problems {
    validate_as_of(a, today)
        .into_iter()
        .filter(|e| e.severity() == Severity::Error)
        .map(|e| {
            let text = |lang| format!("{}: {}", field_label(e.field, lang), e.message(lang));
            FieldProblem::new(
                applicant_input_id(e.field),
                Text::new(text(Lang::Ja), text(Lang::En)),
            )
        })
        .collect()
}

/// The id of the first radio of a question page: where "select one" points.
pub fn choice_field(page: Page) -> Option<&'static str> {
    Some(match page {
        Page::Residence => "residence-lives_in_isumi",
        Page::Stay3Years => "stay_3_years-yes",
        Page::Crowdworks => "crowdworks-yes",
        Page::Hinode => "hinode-yes",
        Page::Housing => "housing-shared",
        Page::EarnMode => "earn_mode-quick",
        _ => return None,
    })
}

/// The problems that stop the person leaving `page` (empty: they may continue).
pub fn page_problems(m: &Model, page: Page) -> Problems {
    if let Some(field) = choice_field(page) {
        if !m.is_answered(page) {
            return vec![FieldProblem::new(
                field,
                Text::new("いずれか1つを選んでください。", "Select one option."),
            )];
        }
    }
    let d = &m.drafts;
    let result = match page {
        // Only the date field the chosen answer reveals is read.
        Page::Residence => match m.answers.residence {
            Residence::PlanningToMove { .. } => optional_date(&d.move_date, "move-date"),
            Residence::LivesInIsumi => optional_date(&d.moved_in, "moved-in-date"),
            _ => Ok(None),
        }
        .map(|_| ()),
        Page::Hinode => match m.answers.hinode_special_member {
            Answer::Yes | Answer::No => optional_date(&d.member_date, "member-date").map(|_| ()),
            Answer::Unknown => Ok(()),
        },
        Page::Quick => quick_input(&d.quick, m.fiscal_year).map(|_| ()),
        Page::Detailed => contracts_input(&d.contracts_shown()).map(|_| ()),
        Page::Actual => months_input(m.fiscal_year, &d.months).map(|_| ()),
        _ => Ok(()),
    };
    result.err().unwrap_or_default()
}

/// The rows of the contracts form that already read as a payment (the live total counts these;
/// the others are reported on Continue).
pub fn valid_contracts(drafts: &[ContractDraft]) -> Vec<Contract> {
    drafts
        .iter()
        .map(|c| Contract {
            label: c.label.clone(),
            kind: c.kind,
            payments: c
                .payments
                .iter()
                .filter_map(|p| {
                    let date = parse_date(p.date.trim()).ok()?;
                    check_payment_date(date).ok()?;
                    Some(Payment {
                        date,
                        amount: parse_amount(&p.amount).ok()?,
                    })
                })
                .collect(),
        })
        .collect()
}

/// The months of the fees form that already read as an amount.
pub fn valid_months(fy: i32, months: &[String]) -> Vec<MonthFees> {
    months
        .iter()
        .zip(fiscal_year_months(fy))
        .filter_map(|(typed, month)| {
            Some(MonthFees {
                month,
                fees: parse_amount(typed).ok()?,
            })
        })
        .collect()
}
