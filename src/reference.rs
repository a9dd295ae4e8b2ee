//! Reference series bundled with the data: the consumer price index (KPI) and
//! Sweden's population, each point with its status and the series' source.

use serde_json::Value;

use crate::model::json_path::{index, join};
use crate::model::reader::{parse_json, Reader};
use crate::model::{Limits, LoadError, Localized, ProblemKind};

/// How a point of a series is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointStatus {
    /// The publisher states it.
    Stated,
    /// Computed from stated figures (the point's note says how).
    Derived,
    /// Not final: the publisher may still revise it.
    Provisional,
}

impl PointStatus {
    const KEYS: &'static [&'static str] = &["stated", "derived", "provisional"];

    fn from_key(key: &str) -> Option<Self> {
        match key {
            "stated" => Some(PointStatus::Stated),
            "derived" => Some(PointStatus::Derived),
            "provisional" => Some(PointStatus::Provisional),
            _ => None,
        }
    }
}

/// One year's value.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The year.
    pub year: u16,
    /// The value (an index, or a count of people).
    pub value: f64,
    /// How it is known.
    pub status: PointStatus,
    /// How it was derived, or why it is provisional.
    pub note: Option<Localized>,
    /// Where this point comes from, when not from the series' source.
    pub source: Option<SeriesSource>,
    /// The publisher's words (a table row) that contain the value.
    pub quote: Option<String>,
}

/// Where a series comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesSource {
    /// Who publishes it.
    pub publisher: String,
    /// The table's name.
    pub title: String,
    /// Where it can be read (http(s) only).
    pub url: Option<String>,
}

/// A yearly series such as KPI or population.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// What the series is.
    pub label: Localized,
    /// Its unit.
    pub unit: Localized,
    /// Its source.
    pub source: SeriesSource,
    /// Its points, ascending by year, each year once.
    pub points: Vec<Point>,
}

impl Series {
    /// The point for `year`, if the series has one.
    pub fn point(&self, year: u16) -> Option<&Point> {
        self.points.iter().find(|point| point.year == year)
    }
}

/// Reads and validates a series file.
pub fn parse_series(bytes: impl AsRef<[u8]>) -> Result<Series, LoadError> {
    let limits = Limits::default();
    let root = parse_json(bytes.as_ref(), &limits)?;
    let mut reader = Reader::new(limits);
    let series = read_series(&mut reader, &root);
    reader.finish(series)
}

fn read_series(reader: &mut Reader, root: &Value) -> Option<Series> {
    let object = reader.object(
        root,
        "",
        &[
            "$schema",
            "format_version",
            "label",
            "unit",
            "source",
            "points",
        ],
    )?;
    let version = reader.format_version(object);
    let label = reader.field(object, "", "label", Reader::localized);
    let unit = reader.field(object, "", "unit", Reader::localized);
    let source = reader.field(object, "", "source", read_source);
    let points = reader.field(object, "", "points", |reader, v, _| {
        let max = reader.limits.max_list_items;
        let items = reader.array(v, "points", max)?;
        let points = reader.each(items, "points", read_point)?;
        for (position, pair) in points.windows(2).enumerate() {
            if pair[1].year <= pair[0].year {
                reader.problem(
                    &join(&index("points", position + 1), "year"),
                    ProblemKind::OutOfRange {
                        min: i64::from(pair[0].year) + 1,
                        max: 2100,
                    },
                );
            }
        }
        Some(points)
    });
    version?;
    Some(Series {
        label: label?,
        unit: unit?,
        source: source?,
        points: points?,
    })
}

fn read_source(reader: &mut Reader, value: &Value, path: &str) -> Option<SeriesSource> {
    let source = reader.object(value, path, &["publisher", "title", "url"])?;
    let publisher = reader.field(source, path, "publisher", Reader::text);
    let title = reader.field(source, path, "title", Reader::text);
    let url = reader.optional(source, path, "url", Reader::http_url);
    Some(SeriesSource {
        publisher: publisher?,
        title: title?,
        url: url?,
    })
}

fn read_point(reader: &mut Reader, value: &Value, path: &str) -> Option<Point> {
    let object = reader.object(
        value,
        path,
        &["year", "value", "status", "note", "source", "quote"],
    )?;
    let year = reader
        .field(object, path, "year", |reader, value, path| {
            reader.whole_number(value, path, 1900, 2100)
        })
        .map(|year| year as u16);
    let number = reader.field(object, path, "value", |reader, v, path| {
        let number = v.as_f64().filter(|n| n.is_finite() && *n > 0.0);
        if number.is_none() {
            reader.problem(
                path,
                ProblemKind::OutOfRange {
                    min: 0,
                    max: i64::MAX,
                },
            );
        }
        number
    });
    let status = reader.field(object, path, "status", |reader, value, path| {
        reader.key(value, path, PointStatus::KEYS, PointStatus::from_key)
    });
    let note = reader.optional_localized(object, path, "note");
    let source = reader.optional(object, path, "source", read_source);
    let quote = reader.optional_text(object, path, "quote");
    Some(Point {
        year: year?,
        value: number?,
        status: status?,
        note,
        source: source?,
        quote,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KPI: &str = r#"{"format_version": 1, "label": {"sv": "KPI", "en": "CPI"}, "unit": {"sv": "1980=100", "en": "1980=100"},
        "source": {"publisher": "SCB", "title": "KPI, fastställda tal"},
        "points": [{"year": 2016, "value": 316.43, "status": "stated"}, {"year": 2018, "value": 328.40, "status": "stated"}]}"#;

    #[test]
    fn a_series_reads_and_finds_its_points() {
        let series = parse_series(KPI).unwrap();
        assert_eq!(series.point(2018).map(|p| p.value), Some(328.40));
        assert_eq!(series.point(2017), None);
    }

    #[test]
    fn points_must_ascend_and_be_positive() {
        let text = KPI.replace("2018", "2015").replace("328.40", "-1");
        let Err(LoadError::Invalid { problems, .. }) = parse_series(&text) else {
            panic!()
        };
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["points[1].value"]);
        let text = KPI.replace("2018", "2015");
        let Err(LoadError::Invalid { problems, .. }) = parse_series(&text) else {
            panic!()
        };
        assert_eq!(problems[0].path, "points[1].year");
    }
}
