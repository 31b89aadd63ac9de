//! The staff check (`#seminar/check`): hinode staff open it on a published copy to see that this
//! build computes what the rules' worked examples say. The table (`cases.json`, the one the native
//! tests use) is fetched only when the page opens; the engine recomputes each example
//! (`rules::worked_examples`) and the page lists them as passed or failed, under the rules'
//! version, date and hash.

use crate::rules::data::{fnv1a64, hash_hex, rules};
use crate::rules::worked_examples::{check_examples, Example};
use crate::rules::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Props of [`StaffCheckPage`].
#[derive(Properties, PartialEq)]
pub struct StaffCheckProps {
    /// Language.
    pub lang: Lang,
}

/// Where the check is.
#[derive(Clone, PartialEq)]
enum State {
    Loading,
    /// The table could not be fetched or read (the English reason, for staff to report).
    Failed(String),
    /// Each example, and the table's own hash.
    Done(Vec<Example>, String),
}

/// The table beside this page: relative, so a copy under any sub-path fetches its own.
const TABLE: &str = "cases.json";

async fn fetch_table() -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let described = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(TABLE))
        .await
        .map_err(described)?
        .dyn_into()
        .map_err(described)?;
    if !response.ok() {
        return Err(format!("{TABLE}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(described)?)
        .await
        .map_err(described)?;
    text.as_string().ok_or_else(|| format!("{TABLE}: not text"))
}

/// The staff check page.
#[function_component(StaffCheckPage)]
pub fn staff_check_page(p: &StaffCheckProps) -> Html {
    let lang = p.lang;
    let state = use_state(|| State::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                state.set(match fetch_table().await {
                    Ok(table) => match check_examples(rules(), &table) {
                        Ok(examples) => State::Done(examples, hash_hex(fnv1a64(table.as_bytes()))),
                        Err(e) => State::Failed(e),
                    },
                    Err(e) => State::Failed(e),
                });
            });
        });
    }
    let stamp = rules().stamp();
    let body = match &*state {
        State::Loading => html! {
            <p role="status" id="staff-check-status">{ lang.pick("計算例を読み込んでいます…", "Loading the worked examples…") }</p>
        },
        State::Failed(why) => html! {
            <div class="notice notice-warning" role="alert" id="staff-check-status" data-verdict="error">
                <p>{ lang.pick("計算例を確認できませんでした。この公開版は確認されていません。", "The worked examples could not be checked. This copy is not verified.") }</p>
                <p><code>{ why.clone() }</code></p>
            </div>
        },
        State::Done(examples, table_hash) => {
            let failed = examples.iter().filter(|e| !e.passed()).count();
            let verdict = if failed == 0 {
                html! {
                    <p class="notice" role="status" id="staff-check-status" data-verdict="pass">
                        <strong>{ match lang {
                            Lang::Ja => format!("{} 件の計算例すべてが一致しました。", examples.len()),
                            Lang::En => format!("All {} worked examples agree.", examples.len()),
                        } }</strong>
                    </p>
                }
            } else {
                html! {
                    <p class="notice notice-warning" role="alert" id="staff-check-status" data-verdict="fail">
                        <strong>{ match lang {
                            Lang::Ja => format!("{} 件中 {} 件が一致しません。この公開版の数字を使わないでください。", examples.len(), failed),
                            Lang::En => format!("{failed} of {} worked examples disagree. Do not use this copy's figures.", examples.len()),
                        } }</strong>
                    </p>
                }
            };
            let rows = examples.iter().map(|e| {
                let (mark, class) = if e.passed() {
                    (lang.pick("一致", "passed"), "check-pass")
                } else {
                    (lang.pick("不一致", "FAILED"), "check-fail")
                };
                html! {
                    <tr class={class}>
                        <td>{ e.section }</td>
                        <td>{ e.name.clone() }</td>
                        <td><strong>{ mark }</strong>
                            if !e.passed() {
                                <ul>{ for e.failures.iter().map(|f| html! { <li><code>{ f.clone() }</code></li> }) }</ul>
                            }
                        </td>
                    </tr>
                }
            });
            html! {
                <>
                { verdict }
                <p class="small">{ lang.pick("計算例の表のハッシュ: ", "Worked-examples table hash: ") }<code id="staff-check-table-hash">{ table_hash.clone() }</code></p>
                <table class="staff-check-table" id="staff-check-table">
                    <caption>{ lang.pick("計算例ごとの結果", "Each worked example") }</caption>
                    <thead><tr>
                        <th scope="col">{ lang.pick("種類", "Section") }</th>
                        <th scope="col">{ lang.pick("計算例", "Example") }</th>
                        <th scope="col">{ lang.pick("結果", "Result") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </>
            }
        }
    };
    html! {
        <section class="staff-check" aria-labelledby="staff-check-title">
            <h1 id="staff-check-title">{ lang.pick("スタッフ向け: 公開版の計算確認", "For staff: check this published copy") }</h1>
            <p>{ lang.pick(
                "規則の計算例(ネイティブのテストと同じ表)を、このブラウザでこの版の計算エンジンがもう一度計算し、表の答えと比べます。",
                "This copy's engine recomputes the rules' worked examples (the table the native tests use) in this browser and compares them with the table's answers."
            ) }</p>
            <dl class="staff-check-stamp">
                <dt>{ lang.pick("規則の版", "Rules version") }</dt><dd id="staff-check-version">{ stamp.version.clone() }</dd>
                <dt>{ lang.pick("確認日", "Checked") }</dt><dd id="staff-check-date">{ stamp.checked.to_string() }</dd>
                <dt>{ lang.pick("規則のハッシュ", "Rules hash") }</dt><dd><code id="staff-check-hash">{ stamp.hash.clone() }</code></dd>
            </dl>
            { body }
        </section>
    }
}
