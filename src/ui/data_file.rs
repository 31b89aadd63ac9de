//! 「データを保存」 and 「データを開く」: the answers (and the applicant's details) as the versioned
//! scenario file that the command-line tool `isumi-rules` reads. Saving makes a download in the
//! browser (Blob + object URL); opening reads a file chosen on this device. Nothing goes over the
//! network. A file that cannot be read gives a message and leaves the current answers as they are.

use super::state::{Action, State};
use crate::rules::scenario::ScenarioFile;
use crate::rules::Text;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Largest file accepted: a scenario with hundreds of payments is well under this; anything
/// bigger is not one of ours, and reading it would only freeze the page.
const MAX_BYTES: u64 = 1_000_000;

/// How long the download link stays valid after the click (the browser starts the download at
/// once; the URL is revoked afterwards so the data does not linger in memory).
const URL_LIFETIME_MS: u32 = 60_000;

/// Props of [`DataFile`].
#[derive(Properties, PartialEq)]
pub struct DataFileProps {
    /// The state.
    pub state: State,
    /// The dispatcher.
    pub dispatch: Callback<Action>,
}

/// The file name of a saved scenario, e.g. `isumi-check-2026-11-23.json`.
fn file_name() -> String {
    format!(
        "isumi-check-{}.json",
        crate::rules::data::format_date_iso(super::app::today())
    )
}

/// Offers `json` as a download named `name`.
fn download(json: &str, name: &str) -> Result<(), ()> {
    let blob = gloo::file::Blob::new_with_options(json, Some("application/json"));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let a = document
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| ())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke the URL (on drop) a while after the download started.
    gloo::timers::callback::Timeout::new(URL_LIFETIME_MS, move || drop(url)).forget();
    Ok(())
}

/// The two buttons, with the message of the last open.
#[function_component(DataFile)]
pub fn data_file(p: &DataFileProps) -> Html {
    let lang = p.state.lang;
    let message = use_state(|| None::<Text>);
    // The reader must live until it calls back.
    let reader = use_mut_ref(|| None::<FileReader>);
    let input = use_node_ref();

    let on_save = {
        let state = p.state.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let saved = state
                .scenario_with_applicant()
                .to_json()
                .map_err(|e| e.text())
                .and_then(|json| {
                    download(&json, &file_name()).map_err(|_| {
                        Text::new(
                            "ファイルを保存できませんでした。",
                            "The file could not be saved.",
                        )
                    })
                });
            message.set(saved.err());
        })
    };
    let on_open_click = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
    };
    let on_file = {
        let dispatch = p.dispatch.clone();
        let message = message.clone();
        let reader = reader.clone();
        let lang_now = lang;
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = el.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Let the same file be chosen again after fixing it.
            el.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            if file.size() > MAX_BYTES {
                message.set(Some(Text::new(
                    format!("「{name}」は大きすぎます(1MBまで)。保存したデータのファイルを選んでください。"),
                    format!("“{name}” is too big (1 MB at most). Choose a file saved by this tool."),
                )));
                return;
            }
            let dispatch = dispatch.clone();
            let message = message.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |read| {
                let parsed = read
                    .map_err(|_| {
                        Text::new(
                            "ファイルを読み込めませんでした。",
                            "The file could not be read.",
                        )
                    })
                    .and_then(|text| ScenarioFile::from_json(&text).map_err(|e| e.text()));
                match parsed {
                    Ok(file) => {
                        let mut next = State::from_scenario(&file);
                        // The screen stays in the language the person is using.
                        next.lang = lang_now;
                        next.notice = Some(Text::new(
                            format!("「{name}」を開きました。"),
                            format!("Opened “{name}”."),
                        ));
                        message.set(None);
                        dispatch.emit(Action::Replace(Box::new(next)));
                    }
                    Err(why) => message.set(Some(Text::new(
                        format!(
                            "「{name}」を開けませんでした。今の回答はそのままです。{}",
                            why.ja
                        ),
                        format!(
                            "“{name}” could not be opened. Your current answers are kept. {}",
                            why.en
                        ),
                    ))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let has_personal = p.state.applicant != Default::default();
    html! {
        <div class="data-file no-print">
            <div class="button-row">
                <button type="button" class="button button-secondary" id="save-data" onclick={on_save}>
                    { lang.pick("データを保存", "Save the data") }
                </button>
                <button type="button" class="button button-secondary" id="open-data" onclick={on_open_click}>
                    { lang.pick("データを開く", "Open saved data") }
                </button>
                <input type="file" id="open-data-input" class="visually-hidden" tabindex="-1" aria-hidden="true"
                    accept=".json,application/json" ref={input} onchange={on_file} />
            </div>
            <p class="small">{ lang.pick(
                "回答を1つのファイル(JSON)としてこの端末に保存し、あとで「データを開く」で読み込めます。hinode の窓口でも同じファイルを確認できます。",
                "Saves your answers as one file (JSON) on this device; open it later with “Open saved data”. The hinode desk can read the same file.") }
                if has_personal { { lang.pick(" ファイルには入力した個人情報(氏名・口座など)も含まれます。", " The file includes the personal details you typed (name, bank account…).") } }
            </p>
            if let Some(m) = &*message {
                <p class="error-message" role="alert" id="data-file-error">{ m.get(lang).to_string() }</p>
            }
        </div>
    }
}
