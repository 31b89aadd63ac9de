//! 「データを保存」 and 「データを開く」: the answers (and the applicant's details) as the versioned
//! scenario file that the command-line tool `isumi-rules` reads. Saving makes a download in the
//! browser (Blob + object URL); opening reads a file chosen on this device and hands its text to
//! the model, which reads it with the engine's one reader. Nothing goes over the network.

use crate::flow::Event;
use crate::rules::scenario::ScenarioFile;
use crate::rules::{Lang, Text};
use crate::ui::env::Env;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Largest file read at all: the reader's own cap. Anything bigger is refused before it is read
/// into memory (reading it would only freeze the page).
const MAX_BYTES: u64 = crate::rules::limits::MAX_FILE_BYTES as u64;

/// How long the download link stays valid after the click (the browser starts the download at
/// once; the URL is revoked afterwards so the data does not linger in memory).
const URL_LIFETIME_MS: u32 = 60_000;

/// Props of [`DataFile`].
#[derive(Properties, PartialEq)]
pub struct DataFileProps {
    /// Language.
    pub lang: Lang,
    /// The file 「データを保存」 writes; `None`: only 「データを開く」 (nothing to save yet).
    #[prop_or_default]
    pub file: Option<ScenarioFile>,
    /// Why the last file could not be opened.
    #[prop_or_default]
    pub error: Option<Text>,
    /// The model's events.
    pub on: Callback<Event>,
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

/// The two buttons, with the message of the last open or save that failed.
#[function_component(DataFile)]
pub fn data_file(p: &DataFileProps) -> Html {
    let lang = p.lang;
    let env = use_context::<Env>().unwrap_or_default();
    let save_error = use_state(|| None::<Text>);
    // The reader must live until it calls back.
    let reader = use_mut_ref(|| None::<FileReader>);
    let input = use_node_ref();

    let on_save = {
        let file = p.file.clone();
        let save_error = save_error.clone();
        let today = env.today;
        Callback::from(move |_: MouseEvent| {
            let Some(file) = &file else { return };
            let name = format!(
                "isumi-check-{}.json",
                crate::rules::data::format_date_iso(today())
            );
            let saved = file.to_json().map_err(|e| e.text()).and_then(|json| {
                download(&json, &name).map_err(|_| {
                    Text::new(
                        "ファイルを保存できませんでした。",
                        "The file could not be saved.",
                    )
                })
            });
            save_error.set(saved.err());
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
        let on = p.on.clone();
        let reader = reader.clone();
        Callback::from(move |e: web_sys::Event| {
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
                let name = crate::rules::text_safety::isolate(&name);
                on.emit(Event::FileRefused(Text::new(
                    format!("「{name}」は大きすぎます(1MBまで)。保存したデータのファイルを選んでください。"),
                    format!("“{name}” is too big (1 MB at most). Choose a file saved by this tool."),
                )));
                return;
            }
            let on = on.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |read| match read {
                // The reader is in the later part: fetched now if the start page had not yet.
                Ok(bytes) => crate::ui::later::load(move |_| match crate::ui::later::loaded() {
                    Some(part) => on.emit((part.read_file)(name, &bytes)),
                    None => {
                        let name = crate::rules::text_safety::isolate(&name);
                        on.emit(Event::FileRefused(Text::new(
                            format!("「{name}」を開けませんでした。ネットワークにつながってから、もう一度選んでください。今の回答はそのままです。"),
                            format!("“{name}” could not be opened: connect to the network and choose it again. Your current answers are kept."),
                        )))
                    }
                }),
                Err(_) => {
                    let name = crate::rules::text_safety::isolate(&name);
                    on.emit(Event::FileRefused(Text::new(
                        format!("「{name}」を読み込めませんでした。"),
                        format!("“{name}” could not be read."),
                    )))
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let has_personal = p
        .file
        .as_ref()
        .and_then(|f| f.applicant.as_ref())
        .is_some_and(|a| *a != Default::default());
    let error = p.error.clone().or_else(|| (*save_error).clone());
    html! {
        <div class="data-file no-print">
            <div class="button-row">
                if p.file.is_some() {
                    <button type="button" class="button button-secondary" id="save-data" onclick={on_save}>
                        { lang.pick("データを保存", "Save the data") }
                    </button>
                }
                <button type="button" class="button button-secondary" id="open-data" onclick={on_open_click}>
                    { lang.pick("データを開く", "Open saved data") }
                </button>
                <input type="file" id="open-data-input" class="visually-hidden" tabindex="-1" aria-hidden="true"
                    accept=".json,application/json" ref={input} onchange={on_file} />
            </div>
            if p.file.is_none() {
                <p class="small">{ lang.pick(
                    "前に「データを保存」したファイルがあれば、続きから始められます(ほかの端末で保存したものでも)。",
                    "Have a file from “Save the data”? Open it to carry on (even one saved on another device).") }</p>
            } else {
            <p class="small">{ lang.pick(
                "回答を1つのファイル(JSON)としてこの端末に保存し、あとで「データを開く」で読み込めます。hinode の窓口でも同じファイルを確認できます。",
                "Saves your answers as one file (JSON) on this device; open it later with “Open saved data”. The hinode desk can read the same file.") }
                if has_personal { { lang.pick(" ファイルには入力した個人情報(氏名・口座など)も含まれます。", " The file includes the personal details you typed (name, bank account…).") } }
            </p>
            }
            if let Some(m) = &error {
                <p class="error-message" role="alert" id="data-file-error">{ m.get(lang).to_string() }</p>
            }
        </div>
    }
}
