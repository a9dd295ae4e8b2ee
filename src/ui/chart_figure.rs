//! One chart: heading, the SVG drawn by plotters inside `role="img"`, and its
//! description as a visible caption.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::chart::render_svg;
use crate::view::{recipients_chart, totals_chart};

/// Which chart.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Totals per year.
    Totals,
    /// Breakdown by recipient.
    Recipients,
}

impl ChartKind {
    fn id(self) -> &'static str {
        match self {
            ChartKind::Totals => "totals",
            ChartKind::Recipients => "recipients",
        }
    }
}

/// A chart with its heading and description.
#[component]
pub fn ChartFigure(kind: ChartKind) -> impl IntoView {
    let context = use_app_context();
    let chart_view = Memo::new(move |_| {
        let lang = context.lang();
        context.comparison.with(|comparison| match kind {
            ChartKind::Totals => totals_chart(comparison, lang),
            ChartKind::Recipients => recipients_chart(comparison, lang),
        })
    });
    let svg = Memo::new(move |_| {
        let width = context.chart_width.get();
        // Only plotters' own output ever goes into inner_html; it escapes all text.
        chart_view.with(|view| render_svg(&view.chart, width).map_err(|error| error.to_string()))
    });
    let heading_id = format!("chart-{}-title", kind.id());
    let description_id = format!("chart-{}-description", kind.id());
    let (canvas_heading_id, canvas_description_id) = (heading_id.clone(), description_id.clone());
    view! {
        <figure class="chart" data-chart=kind.id()>
            <h2 id=heading_id>{move || chart_view.with(|view| view.title.clone())}</h2>
            {move || match svg.get() {
                Ok(svg) => view! {
                    <div
                        class="chart-canvas"
                        role="img"
                        aria-labelledby=canvas_heading_id.clone()
                        aria-describedby=canvas_description_id.clone()
                        inner_html=svg
                    ></div>
                }.into_any(),
                Err(error) => view! { <p class="alert" role="alert">{error}</p> }.into_any(),
            }}
            <figcaption id=description_id class="chart-summary">
                {move || chart_view.with(|view| view.description.clone())}
            </figcaption>
        </figure>
    }
}
