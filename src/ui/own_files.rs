//! The visitor's own files: read in the browser (file picker, drop, or
//! `?data=<url>`), checked, and shown beside the bundled agreements. A bad
//! file is reported and changes nothing that is shown.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use super::context::{use_app_context, AppContext};
use super::failure_list::FailureList;
use super::figure_list::FigureList;
use super::finding_list::FindingList;
use crate::catalog::{read_own, Catalog, FetchError, FileOrigin, LoadFailure, LoadedAgreement};
use crate::i18n::{
    fetching_from, outside_file_banner, own_files_problems, reading_own_files, Text,
};
use crate::model::Limits;
use crate::state::{data_fetch, data_file_name};
use crate::view::year_sources;

/// Reads the visitor's files one by one, saying how far it has come, with
/// the browser free between files; then adds them all in one change, so the
/// charts and panels are redrawn once, not once a file. Each file is read,
/// so each broken one is named with its own problems; a valid one past
/// [`MAX_OWN_FILES`](crate::catalog::MAX_OWN_FILES) open is refused as one
/// too many. The last problem list replaces the one before.
pub fn load_files(context: AppContext, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length())
        .filter_map(|index| files.get(index))
        .collect();
    if files.is_empty() {
        return;
    }
    context.own_failures.set(Vec::new());
    spawn_local(async move {
        let total = files.len();
        context.own_to_read.set(total);
        let mut read = Vec::with_capacity(total);
        let mut slice = browser::TimeSlice::begin();
        for (done, file) in files.into_iter().enumerate() {
            context.own_reading.set(done + 1);
            read.push(read_one(file).await);
            slice.pause_when_long().await;
        }
        context.own_reading.set(0);
        add_all(context, read);
    });
}

/// One of the visitor's files, read and checked (refused before reading
/// when it is too large).
async fn read_one(file: web_sys::File) -> (String, Result<LoadedAgreement, LoadFailure>) {
    let name = file.name();
    // Refused before reading: a huge file costs nothing but this check.
    if let Err(failure) = Catalog::check_file_size(&name, file.size() as u64) {
        return (name, Err(failure));
    }
    // Bytes, not text: the reader decodes them strictly, so broken UTF-8 is
    // refused rather than shown as replacement characters.
    let bytes = gloo_file::futures::read_as_bytes(&gloo_file::File::from(file))
        .await
        .map_err(|_| FetchError::NotText);
    let loaded = read_own(&name, bytes);
    (name, loaded)
}

/// Adds the files read, in one change of the catalog; the refused ones
/// join the problem list.
fn add_all(context: AppContext, read: Vec<(String, Result<LoadedAgreement, LoadFailure>)>) {
    let mut failures = Vec::new();
    context.catalog.update(|catalog| {
        for (name, loaded) in read {
            let added =
                loaded.and_then(|loaded| catalog.insert_own(&name, FileOrigin::Device, loaded));
            if let Err(failure) = added {
                failures.push(failure);
            }
        }
    });
    if !failures.is_empty() {
        context.own_failures.update(|all| all.extend(failures));
    }
}

/// Fetches files named in the address (`?data=`); same origin or CORS. Each
/// shows as on its way until it arrives or fails; the rest of the app works
/// meanwhile.
pub fn load_addresses(context: AppContext, urls: Vec<String>) {
    for value in urls {
        // Decided on the address the browser will really fetch.
        let (url, host) = match data_fetch(&value, browser::resolve_against_page(&value)) {
            Ok(target) => target,
            Err(notice) => {
                context.notices.update(|all| all.push(notice));
                continue;
            }
        };
        let name = data_file_name(&value).to_string();
        context.fetching.update(|all| all.push(host.clone()));
        spawn_local(async move {
            let bytes = browser::fetch_bytes(&url, Limits::default().max_bytes).await;
            context.fetching.update(|all| {
                if let Some(position) = all.iter().position(|h| *h == host) {
                    all.remove(position);
                }
            });
            add(context, &name, FileOrigin::Address(host), bytes);
        });
    }
}

fn add(context: AppContext, name: &str, origin: FileOrigin, bytes: Result<Vec<u8>, FetchError>) {
    let mut outcome = Ok(0);
    context
        .catalog
        .update(|catalog| outcome = catalog.add_own_from(name, origin, bytes));
    if let Err(failure) = outcome {
        context.own_failures.update(|all| all.push(failure));
    }
}

/// The panel: picker, drop hint, example file and schema.
#[component]
pub fn OwnFilesPanel() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let on_pick = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = input.files() {
            load_files(context, files);
        }
        // The same file can be picked again after editing it.
        input.set_value("");
    };
    view! {
        <details class="own-files-panel">
            <summary id="own-files-title">{move || Text::OwnFilesTitle.get(lang())}</summary>
            <p>{move || Text::OwnFilesIntro.get(lang())}</p>
            <label class="file-pick">
                <span>{move || Text::OwnFilesChoose.get(lang())}</span>
                <input type="file" name="own-files" accept=".json,application/json" multiple on:change=on_pick/>
            </label>
            <p class="hint">{move || Text::OwnFilesDrop.get(lang())}</p>
            <p>
                <a href="example-agreement.json" download="exempel-overenskommelse.json">{move || Text::OwnFilesExample.get(lang())}</a>
                " · "
                <a href="data/schema/agreement.schema.json">{move || Text::OwnFilesSchema.get(lang())}</a>
            </p>
        </details>
    }
}

/// What became of the visitor's files: problems, and the files shown with a
/// remove button. At the top of the page, since a file may be dropped anywhere.
#[component]
pub fn OwnFilesStatus() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let own = move || {
        context.catalog.with(|catalog| {
            catalog
                .own
                .iter()
                .map(|own| (own.id, own.key(), year_sources(&own.loaded, context.lang())))
                .collect::<Vec<_>>()
        })
    };
    // Files from an address were chosen by whoever made the link: each gets
    // a banner naming where it came from, above everything it changes.
    let outside = move || {
        context.catalog.with(|catalog| {
            catalog
                .own
                .iter()
                .filter_map(|own| match &own.origin {
                    FileOrigin::Address(host) => {
                        Some(outside_file_banner(host.as_deref(), &own.key(), lang()))
                    }
                    FileOrigin::Device => None,
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="own-files" aria-label=move || Text::OwnFilesTitle.get(lang())>
            {move || (context.own_reading.get() > 0).then(|| view! {
                <p class="fetching reading-own" role="status">
                    {reading_own_files(context.own_reading.get(), context.own_to_read.get(), lang())}
                </p>
            })}
            {move || context.fetching.get().into_iter().map(|host| view! {
                <p class="fetching" role="status">{fetching_from(host.as_deref(), lang())}</p>
            }).collect_view()}
            {move || outside().into_iter().map(|text| view! {
                <p class="outside-banner">{text}</p>
            }).collect_view()}
            <Show when=move || !context.own_failures.with(Vec::is_empty)>
                <div class="alert own-failures" role="alert">
                    <h2>{move || own_files_problems(context.own_failures.with(Vec::len), lang())}</h2>
                    {move || view! { <FailureList failures=context.own_failures.get() lang=lang()/> }}
                    <button type="button" on:click=move |_| context.own_failures.set(Vec::new())>{move || Text::Close.get(lang())}</button>
                </div>
            </Show>
            <Show when=move || context.catalog.with(|catalog| !catalog.own.is_empty())>
                <div class="own-list">
                    <h2>{move || Text::OwnFilesLoaded.get(lang())}</h2>
                    <ul>
                        {move || own().into_iter().map(|(id, key, sources)| view! {
                            <li data-own=key.clone()>
                                <details>
                                    <summary>{key.clone()}": "{sources.title.clone()}</summary>
                                    <FigureList entries=sources.entries lang=lang()/>
                                </details>
                                // The sum checks stay in sight: a draft whose parts exceed its total must say so.
                                {(!sources.findings.is_empty()).then(|| view! {
                                    <div class="findings own-findings">
                                        <p>{Text::FindingsTitle.get(lang())}":"</p>
                                        <FindingList findings=sources.findings.clone()/>
                                    </div>
                                })}
                                <button type="button" class="remove" on:click=move |_| context.catalog.update(|catalog| catalog.remove_own(id))>
                                    {Text::OwnFilesRemove.get(lang())}" "{key.clone()}
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
        </section>
    }
}
