//! What to do next, in order: the steps this person still needs, each with why it matters. Built
//! from the outcome (the answers, the year, the figures), so the result page leads with the one
//! that matters most, and a step already done is never asked for.

use crate::rules::eligibility::{Answer, Answers, Residence, Verdict};
use crate::rules::scenario::Outcome;
use crate::rules::subsidy::fiscal_year_end;
use crate::rules::wareki::format_date_lang;
use crate::rules::{Lang, Text};
use serde::{Deserialize, Serialize};

/// One step of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Move the registered address (住民票) to Isumi.
    RegisterAddress,
    /// Decide to stay 3 years or more (a condition only the person can meet).
    DecideToStay,
    /// Register with CrowdWorks.
    OpenCrowdworks,
    /// Join hinode as a special member.
    JoinHinode,
    /// Keep the CrowdWorks payment statements.
    KeepStatements,
    /// Apply at the desk once the fiscal year has ended.
    Apply,
    /// Answer what is still unknown (the desk can help).
    FindOut,
}

/// A step, with why it matters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    /// Which step.
    pub kind: StepKind,
    /// What to do.
    pub what: Text,
    /// Why it matters for the subsidy.
    pub why: Text,
}

fn step(kind: StepKind, what: Text, why: Text) -> NextStep {
    NextStep { kind, what, why }
}

/// The steps this person still needs, most important first. Empty when the answers rule the
/// subsidy out (the result says what would change that instead).
pub fn next_steps(answers: &Answers, o: &Outcome) -> Vec<NextStep> {
    let a = &o.assessment;
    if a.verdict == Verdict::NotEligible {
        return Vec::new();
    }
    let mut out = Vec::new();
    match answers.residence {
        Residence::LivesInIsumi => {}
        Residence::PlanningToMove { .. } | Residence::NotPlanning | Residence::Unknown => {
            out.push(step(
                StepKind::RegisterAddress,
                Text::new(
                    "いすみ市へ転入届を出して、住民票をいすみ市に移す",
                    "Move your registered address (住民票) to Isumi City (file a 転入届)",
                ),
                Text::new(
                    "助成の対象は、いすみ市に住所を移した日より後に払った手数料です。",
                    "Only fees paid after your address is in Isumi count.",
                ),
            ))
        }
    }
    if answers.stay_3_years == Answer::Unknown {
        out.push(step(
            StepKind::DecideToStay,
            Text::new(
                "3年以上いすみ市に住むつもりかを考える",
                "Decide whether you intend to stay in Isumi for 3 years or more",
            ),
            Text::new(
                "3年以上住所を置く意思が助成の条件です(申請書で誓約します)。",
                "The intention to keep your address there 3 years or more is a condition (you pledge it on the application).",
            ),
        ));
    }
    if answers.crowdworks_account != Answer::Yes {
        out.push(step(
            StepKind::OpenCrowdworks,
            Text::new(
                "クラウドワークスに登録する(無料)",
                "Register with CrowdWorks (free)",
            ),
            Text::new(
                "助成されるのはクラウドワークスのシステム利用料です。",
                "The subsidy pays back CrowdWorks system fees.",
            ),
        ));
    }
    if answers.hinode_special_member != Answer::Yes {
        out.push(step(
            StepKind::JoinHinode,
            Text::new(
                "hinodeの特別会員になる(料金は窓口で確認)",
                "Join hinode as a special member (ask the desk for the price)",
            ),
            Text::new(
                "特別会員になった日より後に払った手数料が対象です。",
                "Only fees paid after you join count.",
            ),
        ));
    }
    if o.subsidy.is_some() {
        out.push(step(
            StepKind::KeepStatements,
            Text::new(
                "クラウドワークスの支払い明細(システム利用料がわかるもの)を保存しておく",
                "Keep your CrowdWorks payment statements (showing the system fees)",
            ),
            Text::new(
                "申請のときに、払った手数料の証明になります。",
                "They prove the fees you paid when you apply.",
            ),
        ));
    }
    let end = fiscal_year_end(o.fiscal_year);
    let apply_when = |lang: Lang| match end {
        Some(e) if o.forecast => match lang {
            Lang::Ja => format!("年度末({})を過ぎてから", format_date_lang(e, lang)),
            Lang::En => format!("after the fiscal year ends ({})", format_date_lang(e, lang)),
        },
        _ => lang
            .pick("年度が終わったので、今", "now: the year has ended")
            .to_string(),
    };
    if o.application.is_ready() || (o.timing.positive && o.subsidy.is_none()) {
        out.push(step(
            StepKind::Apply,
            Text::new(
                format!("{}、hinode の窓口で申請する", apply_when(Lang::Ja)),
                format!("Apply at the hinode desk {}", apply_when(Lang::En)),
            ),
            Text::new(
                "助成は年度末に、その年度に払った手数料について支払われます。申請書の下書きはこのページから作れます。",
                "The subsidy is paid at the end of each fiscal year for the fees paid in it. You can prepare a draft application from this page.",
            ),
        ));
    }
    if a.verdict == Verdict::NeedsMoreInfo {
        out.push(step(
            StepKind::FindOut,
            Text::new(
                "「わからない」と答えた点を確かめる(窓口でも相談できます)",
                "Find out what you answered \"I don't know\" to (the desk can help)",
            ),
            Text::new(
                "わかれば、対象になるかどうかがはっきりします。",
                "Knowing it settles whether you qualify.",
            ),
        ));
    }
    out
}
