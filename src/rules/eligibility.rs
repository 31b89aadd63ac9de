//! Eligibility: the answers, each criterion's status with a reason and a next step, the verdict, and
//! the smallest change of answers that would make the person eligible.
//!
//! An "I don't know" answer never makes anyone not eligible: `NotMet` only comes from an explicit
//! "no" / "not planning to move".

use crate::rules::data::{format_date_slash, Rules, RulesStamp};
use crate::rules::housing::{ByHousing, Housing};
use crate::rules::{format_yen, Text, Yen};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A yes / no / don't-know answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// はい.
    Yes,
    /// いいえ.
    No,
    /// わからない (the default).
    #[default]
    Unknown,
}

/// Where the person lives.
///
/// Unknown keys inside `{"planning_to_move": {…}}` are refused, as everywhere in a file: a
/// misspelt `when` would otherwise be read as "date not known".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Residence {
    /// Registered address (住民票) in Isumi City.
    LivesInIsumi,
    /// Planning to move there, maybe with a date.
    PlanningToMove {
        /// Planned moving date, if known.
        #[serde(default, with = "crate::rules::iso_date::option")]
        when: Option<NaiveDate>,
    },
    /// Not planning to move there.
    NotPlanning,
    /// わからない (the default).
    #[default]
    Unknown,
}

/// Housing type as answered; `Undecided` gives a range between the caps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HousingAnswer {
    /// Shared property (shared house).
    Shared,
    /// Individual property (apartment, house; rented or owned).
    Individual,
    /// Not decided / don't know (the default).
    #[default]
    Undecided,
}

impl HousingAnswer {
    /// The housing type, when decided.
    pub fn housing(self) -> Option<Housing> {
        match self {
            HousingAnswer::Shared => Some(Housing::Shared),
            HousingAnswer::Individual => Some(Housing::Individual),
            HousingAnswer::Undecided => None,
        }
    }
}

/// All answers of the self-check. Every field defaults to "don't know".
///
/// The two dates were added in scenario format 2; files of format 1 read them as `None` (not known).
/// They decide from when fees count (see `timing::eligible_from`), not whether the person is eligible.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    /// Residence. The planned date of a move is `Residence::PlanningToMove { when }`.
    pub residence: Residence,
    /// Intends to keep the address in Isumi 3 years or more.
    pub stay_3_years: Answer,
    /// Has a CrowdWorks account.
    pub crowdworks_account: Answer,
    /// Is a hinode special member.
    pub hinode_special_member: Answer,
    /// Housing type.
    pub housing: HousingAnswer,
    /// With `Residence::LivesInIsumi`: the date the registered address moved to Isumi (転入日).
    /// `None`: not given. Ignored with any other residence answer.
    #[serde(default, with = "crate::rules::iso_date::option")]
    pub moved_in: Option<NaiveDate>,
    /// With `hinode_special_member = Yes`: the date the person joined; with `No`: the date they plan
    /// to join. `None`: not given. Ignored when the membership answer is "don't know".
    #[serde(default, with = "crate::rules::iso_date::option")]
    pub member_since: Option<NaiveDate>,
}

/// The questions, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// お住まい.
    Residence,
    /// 3年以上住む意思.
    #[serde(rename = "stay_3_years")]
    Stay3Years,
    /// クラウドワークスのアカウント.
    CrowdworksAccount,
    /// hinode特別会員.
    HinodeSpecialMember,
    /// 住まいの種類.
    Housing,
}

impl Question {
    /// The id used in files and by the UI.
    pub fn id(self) -> &'static str {
        match self {
            Question::Residence => "residence",
            Question::Stay3Years => "stay_3_years",
            Question::CrowdworksAccount => "crowdworks_account",
            Question::HinodeSpecialMember => "hinode_special_member",
            Question::Housing => "housing",
        }
    }

    /// The question as asked.
    pub fn wording(self) -> Text {
        match self {
            Question::Residence => Text::new("いすみ市にお住まいですか(住民票)", "Do you live in Isumi City (registered address)?"),
            Question::Stay3Years => Text::new(
                "3年以上いすみ市に住所を置くつもりですか",
                "Do you intend to keep your address in Isumi City for 3 years or more?",
            ),
            Question::CrowdworksAccount => Text::new(
                "クラウドワークスのアカウントをお持ちですか",
                "Do you have a CrowdWorks account?",
            ),
            Question::HinodeSpecialMember => {
                Text::new("hinode特別会員ですか", "Are you a hinode special member?")
            }
            Question::Housing => Text::new(
                "住まいは共同物件(シェアハウス)ですか、個人の物件(アパートなど)ですか",
                "Do you live in a shared property (shared house) or an individual property (apartment, house)?",
            ),
        }
    }
}

fn answer_text(a: Answer) -> Text {
    match a {
        Answer::Yes => Text::new("はい", "yes"),
        Answer::No => Text::new("いいえ", "no"),
        Answer::Unknown => Text::new("わからない", "I don't know"),
    }
}

fn answer_code(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    }
}

fn residence_text(r: Residence) -> Text {
    match r {
        Residence::LivesInIsumi => Text::new("いすみ市に住んでいる", "I live in Isumi City"),
        Residence::PlanningToMove { .. } => {
            Text::new("いすみ市へ移る予定", "I plan to move to Isumi City")
        }
        Residence::NotPlanning => Text::new("移る予定はない", "I don't plan to move there"),
        Residence::Unknown => Text::new("わからない", "I don't know"),
    }
}

fn residence_code(r: Residence) -> &'static str {
    match r {
        Residence::LivesInIsumi => "lives_in_isumi",
        Residence::PlanningToMove { .. } => "planning_to_move",
        Residence::NotPlanning => "not_planning",
        Residence::Unknown => "unknown",
    }
}

/// Status of one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Met.
    Met,
    /// Explicitly not met (an explicit "no").
    NotMet,
    /// Not met yet, but an action would meet it.
    NotYet {
        /// What to do.
        action: Text,
    },
    /// Not known from the answers.
    Unknown,
}

/// The outcome of one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionResult {
    /// Criterion id from the rules data.
    pub id: String,
    /// The question that answers it.
    pub question: Question,
    /// The criterion's wording.
    pub wording: Text,
    /// Met, not met, not yet, unknown.
    pub status: Status,
    /// Why, from the answer.
    pub reason: Text,
    /// What to do next.
    pub next_step: Text,
}

/// The overall verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// All criteria met.
    Eligible,
    /// Eligible once the listed actions are done.
    EligibleOnceActionsDone,
    /// A criterion is explicitly not met.
    NotEligible,
    /// Some answers are "don't know".
    NeedsMoreInfo,
}

impl Verdict {
    /// The verdict as shown.
    pub fn text(self) -> Text {
        match self {
            Verdict::Eligible => Text::new(
                "助成の対象になる見込みです。",
                "You are likely eligible for the subsidy.",
            ),
            Verdict::EligibleOnceActionsDone => Text::new(
                "次の手続きをすれば、助成の対象になる見込みです。",
                "You are likely eligible once you take the steps below.",
            ),
            Verdict::NotEligible => Text::new(
                "今の回答では、助成の対象外です。",
                "With these answers you are not eligible for the subsidy.",
            ),
            Verdict::NeedsMoreInfo => Text::new(
                "判断するには、まだわからない点があります。",
                "Some answers are still unknown, so eligibility cannot be decided yet.",
            ),
        }
    }

    /// Eligible now or after the listed actions.
    pub fn is_positive(self) -> bool {
        matches!(self, Verdict::Eligible | Verdict::EligibleOnceActionsDone)
    }
}

/// One answer to change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerChange {
    /// Which question.
    pub question: Question,
    /// The current answer (code, e.g. "no").
    pub from: String,
    /// The answer that would help (code, e.g. "yes").
    pub to: String,
    /// 「3年以上…: いいえ → はい」.
    pub text: Text,
}

/// The caps that may apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapInfo {
    /// The housing type, when decided.
    pub housing: Option<Housing>,
    /// Lowest cap that may apply.
    pub low: Yen,
    /// Highest cap that may apply (equal to `low` when the housing is known).
    pub high: Yen,
    /// The cap as a sentence.
    pub text: Text,
}

/// The eligibility assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict as shown.
    pub verdict_text: Text,
    /// Each criterion.
    pub criteria: Vec<CriterionResult>,
    /// Actions to take (from `NotYet` criteria), in order.
    pub actions: Vec<Text>,
    /// The smallest change of answers that makes the verdict eligible (empty when it already is).
    pub to_become_eligible: Vec<AnswerChange>,
    /// The cap(s) that may apply.
    pub cap: CapInfo,
    /// The one question that would narrow the subsidy range (housing, when undecided).
    pub narrowing_question: Option<Question>,
    /// Why that question matters.
    pub narrowing_text: Option<Text>,
    /// 「最終的な判断は窓口で行われます。」
    pub desk_note: Text,
}

/// Status kind without wording: what the brute-force search works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Met,
    NotMet,
    NotYet,
    Unknown,
}

fn yes_no(a: Answer, no: Kind) -> Kind {
    match a {
        Answer::Yes => Kind::Met,
        Answer::No => no,
        Answer::Unknown => Kind::Unknown,
    }
}

/// The criteria in display order: (rules id, question, status kind).
fn kinds(a: &Answers) -> [(&'static str, Question, Kind); 4] {
    let residence = match a.residence {
        Residence::LivesInIsumi => Kind::Met,
        Residence::PlanningToMove { .. } => Kind::NotYet,
        Residence::NotPlanning => Kind::NotMet,
        Residence::Unknown => Kind::Unknown,
    };
    [
        ("registered_address", Question::Residence, residence),
        // Intention is a declaration only the person can make: "no" is a firm not-met.
        (
            "stay_3_years",
            Question::Stay3Years,
            yes_no(a.stay_3_years, Kind::NotMet),
        ),
        // No account / not a member yet: both can be fixed by an action.
        (
            "crowdworks_user",
            Question::CrowdworksAccount,
            yes_no(a.crowdworks_account, Kind::NotYet),
        ),
        (
            "hinode_special_member",
            Question::HinodeSpecialMember,
            yes_no(a.hinode_special_member, Kind::NotYet),
        ),
    ]
}

/// The verdict of a set of answers.
pub fn verdict_of(a: &Answers) -> Verdict {
    let ks = kinds(a).map(|(_, _, k)| k);
    if ks.contains(&Kind::NotMet) {
        Verdict::NotEligible
    } else if ks.contains(&Kind::Unknown) {
        Verdict::NeedsMoreInfo
    } else if ks.contains(&Kind::NotYet) {
        Verdict::EligibleOnceActionsDone
    } else {
        Verdict::Eligible
    }
}

fn reason(q: Question, a: &Answers) -> Text {
    let (value, extra) = match q {
        Question::Residence => {
            let extra = match a.residence {
                Residence::PlanningToMove { when: Some(w) } => Text::new(
                    format!("(予定日 {})", format_date_slash(w)),
                    format!(" (planned for {})", format_date_slash(w)),
                ),
                Residence::LivesInIsumi => a.moved_in.map_or_else(Text::default, |d| {
                    Text::new(
                        format!("({}から)", format_date_slash(d)),
                        format!(" (since {})", format_date_slash(d)),
                    )
                }),
                _ => Text::default(),
            };
            (residence_text(a.residence), extra)
        }
        Question::Stay3Years => (answer_text(a.stay_3_years), Text::default()),
        Question::CrowdworksAccount => (answer_text(a.crowdworks_account), Text::default()),
        Question::HinodeSpecialMember => {
            let extra = match (a.hinode_special_member, a.member_since) {
                (Answer::Yes, Some(d)) => Text::new(
                    format!("({}から)", format_date_slash(d)),
                    format!(" (since {})", format_date_slash(d)),
                ),
                (Answer::No, Some(d)) => Text::new(
                    format!("({}に入会予定)", format_date_slash(d)),
                    format!(" (joining on {})", format_date_slash(d)),
                ),
                _ => Text::default(),
            };
            (answer_text(a.hinode_special_member), extra)
        }
        Question::Housing => (housing_text(a.housing), Text::default()),
    };
    let w = q.wording();
    Text::new(
        format!("「{}」への回答: {}{}", w.ja, value.ja, extra.ja),
        format!("Your answer to \"{}\": {}{}", w.en, value.en, extra.en),
    )
}

fn housing_text(h: HousingAnswer) -> Text {
    match h {
        HousingAnswer::Shared => Text::new("共同物件(シェアハウス)", "shared property"),
        HousingAnswer::Individual => Text::new("個人の物件(アパートなど)", "individual property"),
        HousingAnswer::Undecided => Text::new("未定・わからない", "undecided / I don't know"),
    }
}

/// Assesses eligibility from the answers, with wording from the rules data.
pub fn assess(rules: &Rules, a: &Answers) -> Assessment {
    let verdict = verdict_of(a);
    let mut criteria = Vec::new();
    let mut actions = Vec::new();
    for (id, question, kind) in kinds(a) {
        let (wording, action) = rules.criterion(id).map_or_else(
            || (Text::new(id, id), Text::new(id, id)),
            |c| (c.wording.clone(), c.action.clone()),
        );
        let (status, next_step) = match kind {
            Kind::Met => (
                Status::Met,
                Text::new("この条件は満たしています。", "This condition is met."),
            ),
            Kind::NotMet => (
                Status::NotMet,
                Text::new(
                    format!("この条件を満たさないと対象になりません: {}", wording.ja),
                    format!("Without this you are not eligible: {}", wording.en),
                ),
            ),
            Kind::NotYet => {
                actions.push(action.clone());
                (
                    Status::NotYet {
                        action: action.clone(),
                    },
                    action,
                )
            }
            Kind::Unknown => (
                Status::Unknown,
                Text::new(
                    format!(
                        "わかったら回答してください(窓口でも相談できます)。満たすには: {}",
                        action.ja
                    ),
                    format!(
                        "Answer when you know (the desk can help). To meet it: {}",
                        action.en
                    ),
                ),
            ),
        };
        criteria.push(CriterionResult {
            id: id.to_string(),
            question,
            wording,
            status,
            reason: reason(question, a),
            next_step,
        });
    }
    let caps = ByHousing {
        shared: rules.cap(Housing::Shared),
        individual: rules.cap(Housing::Individual),
    };
    let housing = a.housing.housing();
    let cap = match housing {
        Some(h) => {
            let y = rules.cap(h);
            CapInfo {
                housing,
                low: y,
                high: y,
                text: Text::new(
                    format!("上限は年間 {} です。", format_yen(y)),
                    format!("The cap is {} a year.", format_yen(y)),
                ),
            }
        }
        None => CapInfo {
            housing: None,
            low: caps.shared.min(caps.individual),
            high: caps.shared.max(caps.individual),
            text: Text::new(
                format!(
                    "上限は住まいの種類により年間 {}(共同物件)または {}(個人の物件)です。",
                    format_yen(caps.shared),
                    format_yen(caps.individual)
                ),
                format!(
                    "The cap is {} (shared property) or {} (individual property) a year, by housing type.",
                    format_yen(caps.shared),
                    format_yen(caps.individual)
                ),
            ),
        },
    };
    let (narrowing_question, narrowing_text) = if housing.is_none() {
        (
            Some(Question::Housing),
            Some(Text::new(
                "住まいの種類(シェアハウスか、アパートなど)がわかれば、助成額の幅を1つに絞れます。",
                "Knowing your housing type (shared house, or apartment / house) would narrow the subsidy to one figure.",
            )),
        )
    } else {
        (None, None)
    };
    Assessment {
        stamp: rules.stamp().clone(),
        verdict,
        verdict_text: verdict.text(),
        criteria,
        actions,
        to_become_eligible: what_would_make_eligible(a),
        cap,
        narrowing_question,
        narrowing_text,
        desk_note: rules.program.desk_note.clone(),
    }
}

/// The smallest change of answers that makes the verdict `Eligible` or `EligibleOnceActionsDone`,
/// by brute force over the 108 combinations of the four eligibility questions (housing does not
/// affect eligibility). Empty when the verdict is already positive.
///
/// Ties are broken by preferring the more natural answer: "yes" over "no (then act)"; for residence,
/// "lives in Isumi" — except that someone not planning to move is pointed at "plan to move".
pub fn what_would_make_eligible(a: &Answers) -> Vec<AnswerChange> {
    if verdict_of(a).is_positive() {
        return Vec::new();
    }
    let keep_when = match a.residence {
        Residence::PlanningToMove { when } => when,
        _ => None,
    };
    let residences = [
        Residence::LivesInIsumi,
        Residence::PlanningToMove { when: keep_when },
        Residence::NotPlanning,
        Residence::Unknown,
    ];
    let answers = [Answer::Yes, Answer::No, Answer::Unknown];
    let residence_rank = |r: Residence| -> u32 {
        match (a.residence, r) {
            (from, to) if from == to => 0,
            (Residence::NotPlanning, Residence::PlanningToMove { .. }) => 0,
            (Residence::NotPlanning, Residence::LivesInIsumi) => 1,
            (_, Residence::LivesInIsumi) => 0,
            (_, Residence::PlanningToMove { .. }) => 1,
            _ => 2,
        }
    };
    let answer_rank = |from: Answer, to: Answer| -> u32 {
        match to {
            _ if from == to => 0,
            Answer::Yes => 0,
            Answer::No => 1,
            Answer::Unknown => 2,
        }
    };
    let mut best: Option<((u32, u32), Answers)> = None;
    for &r in &residences {
        for &s in &answers {
            for &c in &answers {
                for &m in &answers {
                    let cand = Answers {
                        residence: r,
                        stay_3_years: s,
                        crowdworks_account: c,
                        hinode_special_member: m,
                        ..*a
                    };
                    if !verdict_of(&cand).is_positive() {
                        continue;
                    }
                    let changes = u32::from(residence_code(r) != residence_code(a.residence))
                        + u32::from(s != a.stay_3_years)
                        + u32::from(c != a.crowdworks_account)
                        + u32::from(m != a.hinode_special_member);
                    let rank = residence_rank(r)
                        + answer_rank(a.stay_3_years, s)
                        + answer_rank(a.crowdworks_account, c)
                        + answer_rank(a.hinode_special_member, m);
                    let score = (changes, rank);
                    if best.as_ref().is_none_or(|(b, _)| score < *b) {
                        best = Some((score, cand));
                    }
                }
            }
        }
    }
    let Some((_, to)) = best else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if residence_code(to.residence) != residence_code(a.residence) {
        out.push(change(
            Question::Residence,
            residence_code(a.residence),
            residence_code(to.residence),
            residence_text(a.residence),
            residence_text(to.residence),
        ));
    }
    for (q, from, to) in [
        (Question::Stay3Years, a.stay_3_years, to.stay_3_years),
        (
            Question::CrowdworksAccount,
            a.crowdworks_account,
            to.crowdworks_account,
        ),
        (
            Question::HinodeSpecialMember,
            a.hinode_special_member,
            to.hinode_special_member,
        ),
    ] {
        if from != to {
            out.push(change(
                q,
                answer_code(from),
                answer_code(to),
                answer_text(from),
                answer_text(to),
            ));
        }
    }
    out
}

fn change(q: Question, from: &str, to: &str, from_t: Text, to_t: Text) -> AnswerChange {
    let w = q.wording();
    AnswerChange {
        question: q,
        from: from.to_string(),
        to: to.to_string(),
        text: Text::new(
            format!("「{}」: {} → {}", w.ja, from_t.ja, to_t.ja),
            format!("\"{}\": {} → {}", w.en, from_t.en, to_t.en),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    fn all_yes() -> Answers {
        Answers {
            residence: Residence::LivesInIsumi,
            stay_3_years: Answer::Yes,
            crowdworks_account: Answer::Yes,
            hinode_special_member: Answer::Yes,
            housing: HousingAnswer::Shared,
            ..Answers::default()
        }
    }

    #[test]
    fn unknown_never_gives_not_eligible() {
        // Every combination with no explicit "no" / "not planning" must not be NotEligible.
        for r in [
            Residence::LivesInIsumi,
            Residence::PlanningToMove { when: None },
            Residence::Unknown,
        ] {
            for s in [Answer::Yes, Answer::Unknown] {
                for c in [Answer::Yes, Answer::No, Answer::Unknown] {
                    for m in [Answer::Yes, Answer::No, Answer::Unknown] {
                        let a = Answers {
                            residence: r,
                            stay_3_years: s,
                            crowdworks_account: c,
                            hinode_special_member: m,
                            housing: HousingAnswer::Undecided,
                            ..Answers::default()
                        };
                        assert_ne!(verdict_of(&a), Verdict::NotEligible, "{a:?}");
                    }
                }
            }
        }
        assert_eq!(verdict_of(&Answers::default()), Verdict::NeedsMoreInfo);
    }

    #[test]
    fn not_member_needs_to_join() {
        let a = Answers {
            hinode_special_member: Answer::No,
            ..all_yes()
        };
        let s = assess(rules(), &a);
        assert_eq!(s.verdict, Verdict::EligibleOnceActionsDone);
        assert_eq!(s.actions.len(), 1);
        assert!(s.actions[0].ja.contains("hinode"));
        assert!(s.to_become_eligible.is_empty());
    }

    #[test]
    fn smallest_change_for_a_trial_stay() {
        let a = Answers {
            stay_3_years: Answer::No,
            residence: Residence::NotPlanning,
            ..all_yes()
        };
        assert_eq!(verdict_of(&a), Verdict::NotEligible);
        let ch = what_would_make_eligible(&a);
        assert_eq!(ch.len(), 2);
        assert_eq!(
            (ch[0].question, ch[0].to.as_str()),
            (Question::Residence, "planning_to_move")
        );
        assert_eq!(
            (ch[1].question, ch[1].to.as_str()),
            (Question::Stay3Years, "yes")
        );
    }

    #[test]
    fn smallest_change_is_minimal_for_every_answer_set() {
        let rs = [
            Residence::LivesInIsumi,
            Residence::PlanningToMove { when: None },
            Residence::NotPlanning,
            Residence::Unknown,
        ];
        let ans = [Answer::Yes, Answer::No, Answer::Unknown];
        for r in rs {
            for s in ans {
                for c in ans {
                    for m in ans {
                        let a = Answers {
                            residence: r,
                            stay_3_years: s,
                            crowdworks_account: c,
                            hinode_special_member: m,
                            housing: HousingAnswer::Undecided,
                            ..Answers::default()
                        };
                        let ch = what_would_make_eligible(&a);
                        // Applying the changes gives a positive verdict.
                        let mut b = a;
                        for x in &ch {
                            match (x.question, x.to.as_str()) {
                                (Question::Residence, "lives_in_isumi") => {
                                    b.residence = Residence::LivesInIsumi
                                }
                                (Question::Residence, "planning_to_move") => {
                                    b.residence = Residence::PlanningToMove { when: None }
                                }
                                (Question::Stay3Years, "yes") => b.stay_3_years = Answer::Yes,
                                (Question::CrowdworksAccount, "yes") => {
                                    b.crowdworks_account = Answer::Yes
                                }
                                (Question::HinodeSpecialMember, "yes") => {
                                    b.hinode_special_member = Answer::Yes
                                }
                                (Question::CrowdworksAccount, "no") => {
                                    b.crowdworks_account = Answer::No
                                }
                                (Question::HinodeSpecialMember, "no") => {
                                    b.hinode_special_member = Answer::No
                                }
                                other => panic!("unexpected change {other:?}"),
                            }
                        }
                        assert!(verdict_of(&b).is_positive(), "{a:?} -> {ch:?}");
                        // Minimal: the number of non-positive criteria is a lower bound.
                        let lower = kinds(&a)
                            .iter()
                            .filter(|(_, _, k)| matches!(k, Kind::NotMet | Kind::Unknown))
                            .count();
                        assert_eq!(ch.len(), lower, "{a:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn undecided_housing_names_the_narrowing_question() {
        let a = Answers {
            housing: HousingAnswer::Undecided,
            ..all_yes()
        };
        let s = assess(rules(), &a);
        assert_eq!(s.verdict, Verdict::Eligible);
        assert_eq!((s.cap.low, s.cap.high), (30_000, 50_000));
        assert_eq!(s.narrowing_question, Some(Question::Housing));
        let s = assess(rules(), &all_yes());
        assert_eq!(
            (s.cap.low, s.cap.high, s.narrowing_question),
            (30_000, 30_000, None)
        );
    }
}
