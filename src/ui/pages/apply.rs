//! The applicant's details for the printed application. Every field is optional (a blank prints
//! as a line to fill in by hand); each is checked by the engine's validators: errors stop
//! 「申請書を表示する」 and are listed in the error summary, warnings are shown but do not stop.
//! Housing type, fiscal year and fees are not asked again: they come from the answers.

use crate::flow::forms::applicant_input_id;
use crate::flow::model::{FieldProblem, Notice, NoticePlace};
use crate::flow::{Event, Route};
use crate::rules::applicant::{
    field, field_label, is_katakana_text, to_katakana, validate_as_of, AccountType, Applicant,
    Severity,
};
use crate::rules::application::{requested_amount, requested_note, single_estimate};
use crate::rules::data::rules;
use crate::rules::eligibility::HousingAnswer;
use crate::rules::scenario::{evaluate, ScenarioFile};
use crate::rules::span::format_yen_range;
use crate::rules::wareki::fiscal_year_label_lang;
use crate::rules::{format_yen, Lang, Text};
use crate::ui::components::fields::{problem_for, TextInput};
use crate::ui::components::frame::Frame;
use crate::ui::components::link::Link;
use crate::ui::components::notice::NoticeBox;
use yew::prelude::*;

/// Props of [`ApplicantPage`].
#[derive(Properties, PartialEq)]
pub struct ApplicantProps {
    /// Language.
    pub lang: Lang,
    /// The details as typed.
    pub applicant: Applicant,
    /// 「この端末に保存する」.
    pub save_personal: bool,
    /// Problems after Continue.
    pub problems: Vec<FieldProblem>,
    /// The answers (for the fiscal year, housing and the estimate), without the details.
    pub file: ScenarioFile,
    /// A notice about the personal details (cleared, with 「元に戻す」), shown beside their buttons.
    #[prop_or_default]
    pub notice: Option<Notice>,
    /// Today (the date checks).
    pub today: chrono::NaiveDate,
    /// The model's events.
    pub on: Callback<Event>,
}

/// How one text field is shown.
struct Spec {
    id: &'static str,
    get: fn(&Applicant) -> &String,
    hint: Option<Text>,
    autocomplete: &'static str,
    inputmode: Option<&'static str>,
    short: bool,
}

impl Spec {
    fn new(id: &'static str, get: fn(&Applicant) -> &String) -> Self {
        Spec {
            id,
            get,
            hint: None,
            autocomplete: "off",
            inputmode: None,
            short: false,
        }
    }
    fn hint(mut self, ja: &str, en: &str) -> Self {
        self.hint = Some(Text::new(ja, en));
        self
    }
    fn auto(mut self, autocomplete: &'static str) -> Self {
        self.autocomplete = autocomplete;
        self
    }
    fn mode(mut self, inputmode: &'static str) -> Self {
        self.inputmode = Some(inputmode);
        self
    }
    fn short(mut self) -> Self {
        self.short = true;
        self
    }
}

fn housing_text(h: HousingAnswer, lang: Lang) -> &'static str {
    match h {
        HousingAnswer::Shared => lang.pick("共同物件(シェアハウスなど)", "Shared property"),
        HousingAnswer::Individual => {
            lang.pick("個人の物件(アパート・一戸建て)", "Individual property")
        }
        HousingAnswer::Undecided => lang.pick(
            "まだ決めていない(申請書では手書きで選びます)",
            "Not decided (you tick it by hand on the form)",
        ),
    }
}

/// The applicant-details page.
#[function_component(ApplicantPage)]
pub fn page(p: &ApplicantProps) -> Html {
    let lang = p.lang;
    let d = &p.on;
    let a = &p.applicant;
    let today = p.today;
    let outcome = use_memo((p.file.clone(), p.today), |(f, today)| {
        evaluate(rules(), f, *today).ok()
    });
    let outcome = outcome.as_ref().as_ref();
    let subsidy = outcome.as_ref().and_then(|o| o.subsidy.as_ref());
    // Warnings are worked out live (they never block); errors appear once Continue is pressed.
    let warnings = validate_as_of(a, today);
    let warning_for = |id: &str| -> Option<AttrValue> {
        let mut notes: Vec<String> = warnings
            .iter()
            .filter(|e| e.field == id && e.severity() == Severity::Warning)
            .map(|e| e.message(lang))
            .collect();
        if id == field::REQUESTED_AMOUNT {
            if let Some(n) = requested_note(requested_amount(a, subsidy), subsidy) {
                notes.push(n.get(lang).to_string());
            }
        }
        (!notes.is_empty()).then(|| AttrValue::from(notes.join(" ")))
    };
    let edit = |id: &'static str| d.reform(move |v: String| Event::EditApplicant(id, v));
    // A text field, plus the katakana normalisation offer where the field is written in katakana.
    let text = |spec: Spec| -> Html {
        let id = applicant_input_id(spec.id);
        let value = (spec.get)(a).clone();
        let kana = matches!(spec.id, field::FURIGANA | field::HOLDER_KANA);
        let converted = to_katakana(&value);
        // Offered only when it fixes something: the text is not katakana yet, and converting it
        // makes it so (kanji or latin letters are the person's to retype, not ours to "fix").
        let offer = kana
            && !value.trim().is_empty()
            && !is_katakana_text(&value)
            && is_katakana_text(&converted);
        let on_convert = {
            let (id, converted) = (spec.id, converted.clone());
            d.reform(move |_: MouseEvent| Event::EditApplicant(id, converted.clone()))
        };
        html! {
            <>
            <TextInput id={id.clone()} label={field_label(spec.id, lang)}
                hint={spec.hint.as_ref().map(|h| AttrValue::from(h.get(lang).to_string()))}
                value={value} autocomplete={spec.autocomplete} inputmode={spec.inputmode}
                class={classes!(spec.short.then_some("input-short"))}
                on_change={edit(spec.id)}
                error={problem_for(&p.problems, &id, lang)}
                warning={warning_for(spec.id)} />
            if offer {
                <p class="convert">
                    <button type="button" class="button button-secondary button-small" id={format!("{id}-convert")} onclick={on_convert}>
                        { lang.pick("カタカナに直す", "Convert to katakana") }
                    </button>
                    <span class="small">{ format!(" → {converted}") }</span>
                </p>
            }
            </>
        }
    };
    let estimate_hint = match (single_estimate(subsidy), subsidy) {
        (Some(v), _) => Text::new(
            format!(
                "空欄のときは、試算した助成額 {} を記入します。",
                format_yen(v)
            ),
            format!(
                "Left blank, the form shows the estimated subsidy, {}.",
                format_yen(v)
            ),
        ),
        (None, Some(r)) => Text::new(
            format!(
                "試算は {} の幅です。空欄のときは手書きの欄になります。",
                format_yen_range(r.figures.subsidy, Lang::Ja)
            ),
            format!(
                "The estimate is a range, {}. Left blank, the form has a line to fill in by hand.",
                format_yen_range(r.figures.subsidy, Lang::En)
            ),
        ),
        (None, None) => Text::new(
            "試算がないため、空欄のときは手書きの欄になります。",
            "There is no estimate: left blank, the form has a line to fill in by hand.",
        ),
    };
    let set_type = |t: AccountType| d.reform(move |_: web_sys::Event| Event::SetAccountType(t));
    let save_toggle = {
        let on = !p.save_personal;
        d.reform(move |_: web_sys::Event| Event::SetSavePersonal(on))
    };
    let clear_personal = d.reform(|_: MouseEvent| Event::ClearPersonal);
    let personal_notice = p
        .notice
        .clone()
        .filter(|n| n.place == NoticePlace::Personal);
    let fees = subsidy.map(|r| format_yen_range(r.figures.fees, lang));
    html! {
        <Frame {lang} problems={p.problems.clone()} back={Route::Result} on={d.clone()}
            continue_label={Some(Text::new("申請書を表示する", "Show the application"))}>
            <h1 tabindex="-1">{ lang.pick("申請者の情報", "Your details for the application") }</h1>
            <p>{ lang.pick(
                "申請書の下書きに記入する内容です。どの項目も任意で、空欄は印刷した申請書に手書きで記入できます。入力した内容はこの端末の外に送信されません。",
                "These go on the draft application. Every field is optional: a blank one prints as a line to fill in by hand. Nothing you type leaves this device.") }</p>
            <div class="notice">
                <p><strong>{ lang.pick("回答から記入する項目", "Taken from your answers") }</strong></p>
                <ul class="plain">
                    <li>{ lang.pick("年度: ", "Fiscal year: ") }{ fiscal_year_label_lang(p.file.fiscal_year, lang) }</li>
                    <li>{ lang.pick("住まいの種類: ", "Housing: ") }{ housing_text(p.file.answers.housing, lang) }</li>
                    <li>{ lang.pick("手数料(税込): ", "Fees (tax incl.): ") }{ fees.unwrap_or_else(|| lang.pick("試算なし(手書き)", "no estimate (by hand)").to_string()) }</li>
                </ul>
                <p><Link to={Route::Check} on={d.clone()}>{ lang.pick("回答を変更する", "Change your answers") }</Link></p>
            </div>

            <h2>{ lang.pick("あなたについて", "About you") }</h2>
            { text(Spec::new(field::NAME, |a| &a.name).auto("name")
                .hint("住民票のとおりに入力してください。", "As on your residence certificate (住民票).")) }
            { text(Spec::new(field::FURIGANA, |a| &a.furigana)
                .hint("カタカナで入力してください(例: イスミ　タロウ)。ひらがなは変換できます。", "In katakana (for example イスミ　タロウ). Hiragana can be converted.")) }
            { text(Spec::new(field::BIRTH_DATE, |a| &a.birth_date).auto("bday").short()
                .hint("例: 平成2年4月1日、H2.4.1、1990-04-01", "For example 平成2年4月1日, H2.4.1 or 1990-04-01")) }
            { text(Spec::new(field::ADDRESS, |a| &a.address).auto("street-address")
                .hint("例: 千葉県いすみ市大原0000", "For example 千葉県いすみ市大原0000")) }
            { text(Spec::new(field::PHONE, |a| &a.phone).auto("tel").mode("tel").short()
                .hint("例: 0470-00-0000", "For example 0470-00-0000")) }
            { text(Spec::new(field::EMAIL, |a| &a.email).auto("email").mode("email")) }
            { text(Spec::new(field::CROWDWORKS_USER, |a| &a.crowdworks_user)) }
            { text(Spec::new(field::HINODE_MEMBER_NO, |a| &a.hinode_member_no).short()) }
            { text(Spec::new(field::HOUSING_MOVED_IN, |a| &a.housing_moved_in).short()
                .hint("いすみ市に転入した日(住民票の異動日)。例: 令和6年4月1日", "The day you moved in to Isumi (as on the 住民票). For example 令和6年4月1日")) }

            <h2>{ lang.pick("申請額", "Amount requested") }</h2>
            { text(Spec { hint: Some(estimate_hint), ..Spec::new(field::REQUESTED_AMOUNT, |a| &a.requested_amount).mode("numeric").short() }) }

            <h2>{ lang.pick("振込先", "Payment account") }</h2>
            { text(Spec::new(field::BANK_NAME, |a| &a.bank.bank_name)
                .hint("例: 千葉銀行", "For example 千葉銀行")) }
            { text(Spec::new(field::BANK_CODE, |a| &a.bank.bank_code).mode("numeric").short()
                .hint("4桁の数字", "4 digits")) }
            { text(Spec::new(field::BRANCH_NAME, |a| &a.bank.branch_name)) }
            { text(Spec::new(field::BRANCH_CODE, |a| &a.bank.branch_code).mode("numeric").short()
                .hint("3桁の数字", "3 digits")) }
            <fieldset class="field">
                <legend class="label">{ field_label(field::ACCOUNT_TYPE, lang) }</legend>
                <div class="choices choices-inline">
                    <div class="choice">
                        <input type="radio" id="applicant-bank-account_type-futsu" name="account_type"
                            checked={a.bank.account_type == AccountType::Futsu} onchange={set_type(AccountType::Futsu)} />
                        <label for="applicant-bank-account_type-futsu">{ lang.pick("普通", "普通 (ordinary)") }</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="applicant-bank-account_type-toza" name="account_type"
                            checked={a.bank.account_type == AccountType::Toza} onchange={set_type(AccountType::Toza)} />
                        <label for="applicant-bank-account_type-toza">{ lang.pick("当座", "当座 (current)") }</label>
                    </div>
                </div>
            </fieldset>
            { text(Spec::new(field::ACCOUNT_NUMBER, |a| &a.bank.account_number).mode("numeric").short()
                .hint("7桁の数字", "7 digits")) }
            { text(Spec::new(field::HOLDER_KANA, |a| &a.bank.holder_kana)
                .hint("通帳のとおりカタカナで(例: イスミ　タロウ)", "In katakana, as in the bank book (for example イスミ　タロウ)")) }

            <h2>{ lang.pick("この端末への保存", "Saving on this device") }</h2>
            <div class="choice">
                <input type="checkbox" id="save-personal" checked={p.save_personal} onchange={save_toggle}
                    aria-describedby="save-personal-hint" />
                <label for="save-personal">{ lang.pick("この端末に保存する", "Save on this device") }</label>
            </div>
            <p class="hint" id="save-personal-hint">{ lang.pick(
                "チェックすると、氏名・住所・口座などをこのブラウザに保存し、次に開いたときも残ります(送信はしません)。共用のパソコンではチェックしないでください。チェックしない場合、ページを閉じると個人情報は消えます(回答は残ります)。",
                "When ticked, your name, address, bank account and so on are kept in this browser for next time (never sent anywhere). Do not tick this on a shared computer. When not ticked, your personal details are gone when you close the page (your answers stay).") }</p>
            if let Some(n) = personal_notice { <NoticeBox notice={n} {lang} on={d.clone()} /> }
            <p>
                <button type="button" class="button button-warning" id="clear-personal" onclick={clear_personal}>
                    { lang.pick("個人情報を消去", "Delete my personal details") }
                </button>
            </p>
        </Frame>
    }
}
