//! The eligibility and set-up questions, one per page.

use super::choice::{Choice, Choices};
use super::fields::{Frame, TextInput};
use super::state::{Action, Drafts, EarnMode, State, Step};
use crate::rules::data::rules;
use crate::rules::eligibility::{Answer, HousingAnswer, Residence};
use crate::rules::subsidy::{fiscal_year_name, fiscal_year_of};
use crate::rules::wareki::fiscal_year_label;
use crate::rules::{Lang, Text};
use yew::prelude::*;

/// Props of [`QuestionPage`].
#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    /// The state.
    pub state: State,
    /// The reducer's dispatcher.
    pub dispatch: Callback<Action>,
    /// Today (for the fiscal-year choices).
    pub today: chrono::NaiveDate,
}

fn answer_value(a: Answer, answered: bool) -> Option<&'static str> {
    answered.then_some(match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    })
}

fn answer_of(v: &str) -> Answer {
    match v {
        "yes" => Answer::Yes,
        "no" => Answer::No,
        _ => Answer::Unknown,
    }
}

fn yes_no_unknown() -> Vec<Choice> {
    vec![
        Choice::new("yes", "はい", "Yes"),
        Choice::new("no", "いいえ", "No"),
        Choice::new("unknown", "わからない", "I don't know"),
    ]
}

/// The question page for the current step.
#[function_component(QuestionPage)]
pub fn question_page(p: &QuestionPageProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let d = p.dispatch.clone();
    let on_back = d.reform(|_| Action::Back);
    let on_continue = Some(d.reform(|_| Action::Continue));
    let problems = s.problems.clone();
    let answered = s.is_answered(s.step);
    let body = match s.step {
        Step::Residence => {
            let selected = answered.then_some(match s.answers.residence {
                Residence::LivesInIsumi => "lives_in_isumi",
                Residence::PlanningToMove { .. } => "planning_to_move",
                Residence::NotPlanning => "not_planning",
                Residence::Unknown => "unknown",
            });
            let on_choose = d.reform(|v: &'static str| {
                Action::SetResidence(match v {
                    "lives_in_isumi" => Residence::LivesInIsumi,
                    "planning_to_move" => Residence::PlanningToMove { when: None },
                    "not_planning" => Residence::NotPlanning,
                    _ => Residence::Unknown,
                })
            });
            let drafts = s.drafts.clone();
            let on_date = d.reform(move |v: String| {
                Action::EditDrafts(Drafts {
                    move_date: v,
                    ..drafts.clone()
                })
            });
            let reveal = html! {
                <TextInput id="move-date" input_type="date" class="input-short"
                    label={lang.pick("引っ越しの予定日(わかれば)", "Planned moving date (if known)")}
                    value={s.drafts.move_date.clone()} on_change={on_date}
                    error={super::fields::problem_for(&problems, "move-date", lang)} />
            };
            html! {
                <Choices name="residence" {lang} problems={problems.clone()} {selected} {on_choose}
                    title={Text::new("いすみ市に住んでいますか?", "Do you live in Isumi City?")}
                    hint={Text::new("住民票の住所で答えてください。", "Answer for your registered address (住民票).")}
                    reveal={Some(("planning_to_move", reveal))}
                    choices={vec![
                        Choice::new("lives_in_isumi", "住んでいる(住民票がいすみ市にある)", "Yes, my registered address is in Isumi"),
                        Choice::new("planning_to_move", "これから移る予定", "I plan to move there"),
                        Choice::new("not_planning", "移る予定はない", "I don't plan to move there"),
                        Choice::new("unknown", "わからない", "I don't know yet"),
                    ]} />
            }
        }
        Step::Stay3Years => html! {
            <Choices name="stay_3_years" {lang} problems={problems.clone()}
                selected={answer_value(s.answers.stay_3_years, answered)}
                on_choose={d.reform(|v: &'static str| Action::SetAnswer(Step::Stay3Years, answer_of(v)))}
                title={Text::new("3年以上、いすみ市に住所を置くつもりですか?", "Do you intend to keep your address in Isumi City for 3 years or more?")}
                hint={Text::new("助成の条件の一つです。今の気持ちで答えてください。", "This is one of the conditions. Answer with your current intention.")}
                choices={yes_no_unknown()} />
        },
        Step::Crowdworks => html! {
            <Choices name="crowdworks" {lang} problems={problems.clone()}
                selected={answer_value(s.answers.crowdworks_account, answered)}
                on_choose={d.reform(|v: &'static str| Action::SetAnswer(Step::Crowdworks, answer_of(v)))}
                title={Text::new("クラウドワークスのアカウントを持っていますか?", "Do you have a CrowdWorks account?")}
                hint={Text::new("ワーカー(仕事を受ける側)としての登録です。", "As a worker (the one who takes on work).")}
                choices={yes_no_unknown()} />
        },
        Step::Hinode => html! {
            <Choices name="hinode" {lang} problems={problems.clone()}
                selected={answer_value(s.answers.hinode_special_member, answered)}
                on_choose={d.reform(|v: &'static str| Action::SetAnswer(Step::Hinode, answer_of(v)))}
                title={Text::new("hinode特別会員ですか?", "Are you a hinode special member?")}
                hint={Text::new("hinode はいすみ市のコワーキングスペースです。特別会員の料金は確認できていません。", "hinode is the coworking space in Isumi. The special membership's price is not known to this tool.")}
                choices={yes_no_unknown()} />
        },
        Step::Housing => {
            let selected = answered.then_some(match s.answers.housing {
                HousingAnswer::Shared => "shared",
                HousingAnswer::Individual => "individual",
                HousingAnswer::Undecided => "undecided",
            });
            let r = rules();
            let cap = |h| crate::rules::format_yen(r.cap(h));
            use crate::rules::subsidy::Housing;
            html! {
                <Choices name="housing" {lang} problems={problems.clone()} {selected}
                    on_choose={d.reform(|v: &'static str| Action::SetHousing(match v {
                        "shared" => HousingAnswer::Shared,
                        "individual" => HousingAnswer::Individual,
                        _ => HousingAnswer::Undecided,
                    }))}
                    title={Text::new("どんな住まいですか(予定を含む)?", "What kind of housing do you (or will you) live in?")}
                    hint={Text::new("住まいの種類で、助成の上限が変わります。", "The kind of housing sets the subsidy cap.")}
                    choices={vec![
                        Choice::new("shared", "共同物件(シェアハウスなど)", "Shared property (shared house)")
                            .hint(&format!("上限 年{}", cap(Housing::Shared)), &format!("Cap {} a year", cap(Housing::Shared))),
                        Choice::new("individual", "個人の物件(アパート・一戸建て。賃貸・持ち家どちらも)", "Individual property (apartment or house, rented or owned)")
                            .hint(&format!("上限 年{}", cap(Housing::Individual)), &format!("Cap {} a year", cap(Housing::Individual))),
                        Choice::new("undecided", "まだ決めていない・わからない", "Not decided yet / I don't know")
                            .hint("両方の上限で幅をもって試算します。", "The estimate shows a range between both caps."),
                    ]} />
            }
        }
        Step::FiscalYear => {
            let current = fiscal_year_of(p.today);
            let first = fiscal_year_of(rules().program.start);
            let onchange = d.reform(|e: Event| {
                let v = e
                    .target_dyn_into::<web_sys::HtmlSelectElement>()
                    .map(|s| s.value())
                    .unwrap_or_default();
                Action::SetFiscalYear(v.parse().unwrap_or(0))
            });
            let program = &rules().program;
            html! {
                <>
                <h1 tabindex="-1"><label for="fiscal-year">{ lang.pick("どの年度を試算しますか?", "Which fiscal year do you want to estimate?") }</label></h1>
                <p class="hint" id="fiscal-year-hint">{ lang.pick(
                    "年度は4月1日から翌年3月31日まで。助成は年度末に支払われます。",
                    "A fiscal year runs from 1 April to 31 March. The subsidy is paid at the end of the fiscal year.") }</p>
                <div class="field">
                    <select id="fiscal-year" class="input" aria-describedby="fiscal-year-hint" {onchange}>
                        { for (first..=current + 1).rev().map(|fy| {
                            let label = match lang {
                                Lang::Ja => format!("{}({})", fiscal_year_label(fy), fiscal_year_name(fy).ja),
                                Lang::En => fiscal_year_name(fy).en,
                            };
                            html! { <option value={fy.to_string()} selected={fy == s.fiscal_year}>{ label }</option> }
                        }) }
                    </select>
                </div>
                if program.end.is_none() {
                    <p class="notice">{ match lang {
                        Lang::Ja => format!("前提: 開始時の報道では期間は{}か月({}年{}月まで)でした。その後も続いているかは確認できていないため、続いているものとして試算します。",
                            program.reported_months, chrono::Datelike::year(&program.reported_end), chrono::Datelike::month(&program.reported_end)),
                        Lang::En => format!("Assumption: the press at launch reported a period of {} months (to {}-{:02}). Whether the program continues is not known; the estimate assumes it does.",
                            program.reported_months, chrono::Datelike::year(&program.reported_end), chrono::Datelike::month(&program.reported_end)),
                    } }</p>
                }
                </>
            }
        }
        Step::EarnMode => {
            let selected = answered.then_some(match s.earn_mode {
                Some(EarnMode::Quick) | None => "quick",
                Some(EarnMode::Detailed) => "detailed",
                Some(EarnMode::Actual) => "actual",
                Some(EarnMode::Skip) => "skip",
            });
            html! {
                <Choices name="earn_mode" {lang} problems={problems.clone()} {selected}
                    on_choose={d.reform(|v: &'static str| Action::SetEarnMode(match v {
                        "detailed" => EarnMode::Detailed,
                        "actual" => EarnMode::Actual,
                        "skip" => EarnMode::Skip,
                        _ => EarnMode::Quick,
                    }))}
                    title={Text::new("クラウドワークスでの収入をどう入力しますか?", "How do you want to give your CrowdWorks earnings?")}
                    hint={Text::new("手数料と助成額の目安を計算します。", "They are used to estimate your fees and the subsidy.")}
                    choices={vec![
                        Choice::new("quick", "おおまかに(月の収入・1件の金額・仕事の種類)", "Roughly (monthly earnings, contract size, kinds of work)")
                            .hint("いちばん簡単です。わからない項目があっても試算できます。", "The simplest. Works even if you don't know some figures."),
                        Choice::new("detailed", "契約ごとに(支払日と金額)", "Contract by contract (payment dates and amounts)")
                            .hint("マイルストーン払いや時間単価制の週ごとの支払いも入力できます。", "Milestones and hourly contracts' weekly payments included."),
                        Choice::new("actual", "支払った手数料を月ごとに(支払い明細から)", "Fees actually paid, month by month (from your statements)"),
                        Choice::new("skip", "試算しない(対象かどうかだけ知りたい)", "No estimate (eligibility only)"),
                    ]} />
            }
        }
        _ => html! {},
    };
    html! {
        <Frame {lang} progress={s.progress()} problems={s.problems.clone()} {on_back} {on_continue}>
            { body }
        </Frame>
    }
}
