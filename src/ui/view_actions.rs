//! The bar under a view's chart: its data as CSV (in the page language's
//! dialect) and JSON, the chart as PNG and SVG with title, unit, source,
//! address and date, and a button that copies the view's address.

use leptos::prelude::*;

use super::browser;
use super::context::use_app_context;
use super::copy_button::CopyButton;
use crate::chart::{framed_svg, render_svg, svg_size};
use crate::embed::full_app_url;
use crate::i18n::Text;
use crate::messages::skr_renamed_note;
use crate::view::{
    export_frame, file_name, skr_button_label, skr_csv, skr_file_name, skr_note, to_csv, to_json,
    ChartView, CsvDialect, DataTable, DownloadKind,
};

/// Downloads are drawn at this width whatever the screen: a chart for a
/// report, not for the phone it was fetched on.
const EXPORT_WIDTH: u32 = 1000;

/// The share and download bar for the view shown. `description` goes into
/// the JSON download.
#[component]
pub fn ViewActions(
    #[prop(into)] charts: Signal<Vec<ChartView>>,
    #[prop(into)] table: Signal<DataTable>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let address = move || {
        context
            .view
            .with_untracked(|view| full_app_url(&browser::page_url(), view))
    };
    let name = move |kind: DownloadKind| {
        context.derive(|catalog, view| {
            let unit = catalog.converter(view.units).file_key(view.lang);
            file_name(view, &unit, kind)
        })
    };
    let framed = move || -> Option<String> {
        let charts: Vec<(String, String)> = charts.with_untracked(|charts| {
            charts
                .iter()
                .filter_map(|chart| {
                    render_svg(&chart.chart, EXPORT_WIDTH)
                        .ok()
                        .map(|svg| (chart.title.clone(), svg))
                })
                .collect()
        });
        if charts.is_empty() {
            return None;
        }
        let unit = table.with_untracked(|table| table.unit.clone());
        let frame = context
            .view
            .with_untracked(|view| export_frame(view, &unit, &address(), &browser::today()));
        Some(framed_svg(&charts, &frame))
    };
    let download_csv = move |_| {
        let lang = context.lang();
        let csv = table.with_untracked(|table| to_csv(table, CsvDialect::for_lang(lang), lang));
        browser::download_text(&name(DownloadKind::Csv), DownloadKind::Csv.mime(), &csv);
    };
    let download_json = move |_| {
        let view = context.view.with_untracked(|view| view.view);
        let json = table.with_untracked(|table| to_json(table, view, &description.get_untracked()));
        browser::download_text(&name(DownloadKind::Json), DownloadKind::Json.mime(), &json);
    };
    let download_svg = move |_| {
        if let Some(svg) = framed() {
            browser::download_text(&name(DownloadKind::Svg), DownloadKind::Svg.mime(), &svg);
        }
    };
    // A PNG is drawn by the browser from the SVG; if it cannot be, the
    // visitor is told, rather than left waiting for a file that never comes.
    let png_failed = RwSignal::new(false);
    let download_png = move |_| {
        png_failed.set(false);
        let drawn = framed().and_then(|svg| svg_size(&svg).map(|size| (svg, size)));
        match drawn {
            Some((svg, (width, height))) => {
                browser::download_png(&name(DownloadKind::Png), &svg, width, height, move || {
                    png_failed.set(true)
                })
            }
            None => png_failed.set(true),
        }
    };
    // An embedded chart links to the full app for downloads and sharing.
    if context.view.with_untracked(|view| view.embed) {
        return ().into_any();
    }
    // SKR's format, a file a chart. What had to change in the names of the
    // last one is said after it is downloaded.
    let skr_renamed = RwSignal::new(String::new());
    let download_skr = move |index: usize| {
        let file = charts.with_untracked(|charts| {
            let chart = charts.get(index)?;
            let csv = table.with_untracked(|table| skr_csv(chart, table));
            Some((skr_file_name(&name(DownloadKind::Csv), chart.key), csv))
        });
        if let Some((file_name, csv)) = file {
            browser::download_text(&file_name, DownloadKind::Csv.mime(), &csv.text);
            skr_renamed.set(skr_renamed_note(&csv.renamed, context.lang()));
        }
    };
    // A view has as many charts whatever its state: the buttons are made
    // once. Their labels change with the language only (a title is in them
    // where there are several charts, and those titles are fixed).
    let skr_buttons = (0..charts.with_untracked(Vec::len))
        .map(|index| {
            let label = move || {
                context.lang.track();
                charts.with_untracked(|charts| skr_button_label(charts, index))
            };
            view! { <button type="button" data-download="skr-csv" on:click=move |_| download_skr(index)>{label}</button> }
        })
        .collect_view();
    // A memo: `charts` is read once a change, and the text set only when it
    // changes (the layout, the language).
    let skr_note = Memo::new(move |_| charts.with(|charts| skr_note(charts)));
    view! {
        <div class="view-actions" role="group" aria-label=move || Text::ShareAndDownload.get(lang())>
            <span class="downloads-label">{move || Text::Downloads.get(lang())}":"</span>
            <button type="button" data-download="csv" on:click=download_csv>{move || Text::DownloadCsv.get(lang())}</button>
            <button type="button" data-download="json" on:click=download_json>{move || Text::DownloadJson.get(lang())}</button>
            <button type="button" data-download="png" on:click=download_png>{move || Text::DownloadPng.get(lang())}</button>
            <button type="button" data-download="svg" on:click=download_svg>{move || Text::DownloadSvg.get(lang())}</button>
            {skr_buttons}
            <CopyButton text=address label=Text::CopyLink failed=Text::CopyFailed class="copy-link" fallback=true/>
            <p class="skr-note">{move || skr_note.get()}</p>
            <p class="skr-renamed" role="status">{move || skr_renamed.get()}</p>
            <Show when=move || png_failed.get()>
                <p class="download-failed" role="alert">{move || Text::PngFailed.get(lang())}</p>
            </Show>
        </div>
    }
    .into_any()
}
