//! The bar under a view's chart: its data as CSV (in the page language's
//! dialect) and JSON, the chart as PNG and SVG with title, unit, source,
//! address and date, and a button that copies the view's address.

use leptos::prelude::*;

use super::browser;
use super::context::{use_app_context, AppContext};
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

/// What the bar offers, from the view shown: each download's file and the
/// view's address. One method a download.
#[derive(Clone, Copy)]
struct Downloads {
    context: AppContext,
    charts: Signal<Vec<ChartView>>,
    table: Signal<DataTable>,
    /// Goes into the JSON download.
    description: Signal<String>,
}

impl Downloads {
    /// The view's address in the full app (an embed's too).
    fn address(self) -> String {
        self.context
            .view
            .with_untracked(|view| full_app_url(&browser::page_url(), view))
    }

    /// The file name of a `kind` download of the view.
    fn name(self, kind: DownloadKind) -> String {
        self.context.derive(|catalog, view| {
            let unit = catalog.converter(view.units).file_key(view.lang);
            file_name(view, &unit, kind)
        })
    }

    /// The view's charts in one SVG with title, unit, source, address and date.
    fn framed(self) -> Option<String> {
        let charts: Vec<(String, String)> = self.charts.with_untracked(|charts| {
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
        let unit = self.table.with_untracked(|table| table.unit.clone());
        let frame = self
            .context
            .view
            .with_untracked(|view| export_frame(view, &unit, &self.address(), &browser::today()));
        Some(framed_svg(&charts, &frame))
    }

    fn csv(self) {
        let lang = self.context.lang();
        let csv = self
            .table
            .with_untracked(|table| to_csv(table, CsvDialect::for_lang(lang), lang));
        browser::download_text(
            &self.name(DownloadKind::Csv),
            DownloadKind::Csv.mime(),
            &csv,
        );
    }

    fn json(self) {
        let view = self.context.view.with_untracked(|view| view.view);
        let description = self.description.get_untracked();
        let json = self
            .table
            .with_untracked(|table| to_json(table, view, &description));
        browser::download_text(
            &self.name(DownloadKind::Json),
            DownloadKind::Json.mime(),
            &json,
        );
    }

    fn svg(self) {
        if let Some(svg) = self.framed() {
            browser::download_text(
                &self.name(DownloadKind::Svg),
                DownloadKind::Svg.mime(),
                &svg,
            );
        }
    }

    /// A PNG is drawn by the browser from the SVG; if it cannot be, `failed`
    /// is set, so the visitor is told rather than left waiting for a file
    /// that never comes.
    fn png(self, failed: RwSignal<bool>) {
        failed.set(false);
        let drawn = self
            .framed()
            .and_then(|svg| svg_size(&svg).map(|size| (svg, size)));
        match drawn {
            Some((svg, (width, height))) => {
                let name = self.name(DownloadKind::Png);
                browser::download_png(&name, &svg, width, height, move || failed.set(true))
            }
            None => failed.set(true),
        }
    }

    /// The chart `index` in SKR's CSV format; what had to change in its
    /// names is said in `renamed`.
    fn skr(self, index: usize, renamed: RwSignal<String>) {
        let file = self.charts.with_untracked(|charts| {
            let chart = charts.get(index)?;
            let csv = self.table.with_untracked(|table| skr_csv(chart, table));
            Some((skr_file_name(&self.name(DownloadKind::Csv), chart.key), csv))
        });
        if let Some((file_name, csv)) = file {
            browser::download_text(&file_name, DownloadKind::Csv.mime(), &csv.text);
            renamed.set(skr_renamed_note(&csv.renamed, self.context.lang()));
        }
    }

    /// SKR's format, a button a chart. A view has as many charts whatever
    /// its state: the buttons are made once. Their labels change with the
    /// language only (a title is in them where there are several charts,
    /// and those titles are fixed).
    fn skr_buttons(self, renamed: RwSignal<String>) -> impl IntoView {
        let (context, charts) = (self.context, self.charts);
        (0..charts.with_untracked(Vec::len))
            .map(|index| {
                let label = move || {
                    context.lang.track();
                    charts.with_untracked(|charts| skr_button_label(charts, index))
                };
                view! { <button type="button" data-download="skr-csv" on:click=move |_| self.skr(index, renamed)>{label}</button> }
            })
            .collect_view()
    }
}

/// The share and download bar for the view shown. `description` goes into
/// the JSON download.
#[component]
pub fn ViewActions(
    #[prop(into)] charts: Signal<Vec<ChartView>>,
    #[prop(into)] table: Signal<DataTable>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let context = use_app_context();
    // An embedded chart links to the full app for downloads and sharing.
    if context.view.with_untracked(|view| view.embed) {
        return ().into_any();
    }
    let lang = move || context.lang();
    let downloads = Downloads {
        context,
        charts,
        table,
        description,
    };
    let png_failed = RwSignal::new(false);
    // What had to change in the names of the last SKR file.
    let skr_renamed = RwSignal::new(String::new());
    // A memo: `charts` is read once a change, and the text set only when it
    // changes (the layout, the language).
    let skr_note = Memo::new(move |_| charts.with(|charts| skr_note(charts)));
    let address = move || downloads.address();
    view! {
        <div class="view-actions" role="group" aria-label=move || Text::ShareAndDownload.get(lang())>
            <span class="downloads-label">{move || Text::Downloads.get(lang())}":"</span>
            <button type="button" data-download="csv" on:click=move |_| downloads.csv()>{move || Text::DownloadCsv.get(lang())}</button>
            <button type="button" data-download="json" on:click=move |_| downloads.json()>{move || Text::DownloadJson.get(lang())}</button>
            <button type="button" data-download="png" on:click=move |_| downloads.png(png_failed)>{move || Text::DownloadPng.get(lang())}</button>
            <button type="button" data-download="svg" on:click=move |_| downloads.svg()>{move || Text::DownloadSvg.get(lang())}</button>
            {downloads.skr_buttons(skr_renamed)}
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
