//! Units: current or fixed prices (KPI), in total or per inhabitant
//! (population), and the numbers that result. A year without KPI or
//! population is marked as such, never guessed.

use crate::format::Scale;
use crate::keyed::keyed_enum;
use crate::model::Value;
use crate::reference::{PointStatus, Series};

keyed_enum! {
    /// Current or fixed prices, without the price year: what the address's
    /// `prices=` and the units control choose.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum PriceBasis {
        /// As agreed that year.
        #[default]
        Current = "current",
        /// In one year's prices.
        Fixed = "fixed",
    }
}

/// Current or fixed prices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Prices {
    /// As agreed that year (nominal).
    #[default]
    Current,
    /// Converted with KPI to the prices of `base`.
    Fixed {
        /// The price year; `None` means the latest full KPI year.
        base: Option<u16>,
    },
}

impl Prices {
    /// Current or fixed, without the year.
    pub fn basis(self) -> PriceBasis {
        match self {
            Prices::Current => PriceBasis::Current,
            Prices::Fixed { .. } => PriceBasis::Fixed,
        }
    }
}

/// The units every view's amounts are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Units {
    /// Current or fixed prices.
    pub prices: Prices,
    /// Divided by Sweden's population that year.
    pub per_inhabitant: bool,
}

/// Why an amount could not be converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No KPI for the year.
    Kpi(u16),
    /// No population figure for the year.
    Population(u16),
}

/// A number in a view's unit: kronor (possibly fractional after conversion),
/// kronor per inhabitant, or percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quantity {
    /// One number.
    Exact(f64),
    /// A disputed amount's range.
    Range(f64, f64),
    /// Not known.
    Unknown,
    /// Known in kronor but not convertible to the chosen unit.
    NoReference(Gap),
}

impl Quantity {
    /// The smallest value, if any.
    pub fn low(self) -> Option<f64> {
        match self {
            Quantity::Exact(value) | Quantity::Range(value, _) => Some(value),
            _ => None,
        }
    }

    /// The largest value, if any.
    pub fn high(self) -> Option<f64> {
        match self {
            Quantity::Exact(value) | Quantity::Range(_, value) => Some(value),
            _ => None,
        }
    }

    /// `self − earlier`, as a range when either is one.
    pub fn minus(self, earlier: Quantity) -> Quantity {
        match (self.low(), self.high(), earlier.low(), earlier.high()) {
            (Some(low), Some(high), Some(earlier_low), Some(earlier_high)) => {
                Quantity::from_bounds(low - earlier_high, high - earlier_low)
            }
            _ => Quantity::Unknown,
        }
    }

    /// `Exact` when both ends meet.
    pub fn from_bounds(low: f64, high: f64) -> Quantity {
        if (high - low).abs() < 1e-9 {
            Quantity::Exact(low)
        } else {
            Quantity::Range(low.min(high), low.max(high))
        }
    }

    /// The value as a percent of `whole`.
    pub fn share_of(self, whole: Quantity) -> Quantity {
        match (self.low(), self.high(), whole.low(), whole.high()) {
            // The smallest share pairs the smallest part with the largest whole.
            (Some(low), Some(high), Some(whole_low), Some(whole_high)) if whole_low > 0.0 => {
                Quantity::from_bounds(low / whole_high * 100.0, high / whole_low * 100.0)
            }
            _ => Quantity::Unknown,
        }
    }
}

/// Converts kronor of a given year into the chosen units.
#[derive(Clone, Copy, Debug)]
pub struct Converter<'a> {
    units: Units,
    base: Option<u16>,
    kpi: Option<&'a Series>,
    population: Option<&'a Series>,
}

impl<'a> Converter<'a> {
    /// A converter for `units`, with the bundled series (either may be
    /// missing if its file failed to load).
    pub fn new(units: Units, kpi: Option<&'a Series>, population: Option<&'a Series>) -> Self {
        let base = match units.prices {
            Prices::Current => None,
            Prices::Fixed { base: Some(base) } => Some(base),
            Prices::Fixed { base: None } => kpi.and_then(latest_full_year),
        };
        Converter {
            units,
            base,
            kpi,
            population,
        }
    }

    /// The units it converts to.
    pub fn units(&self) -> Units {
        self.units
    }

    /// The price year of fixed prices, once resolved.
    pub fn base(&self) -> Option<u16> {
        self.base
    }

    /// The scale of converted amounts.
    pub fn scale(&self) -> Scale {
        if self.units.per_inhabitant {
            Scale::KronorPerInhabitant
        } else {
            Scale::MillionKronor
        }
    }

    /// What a kronor amount of `year` is multiplied by.
    pub fn factor(&self, year: u16) -> Result<f64, Gap> {
        let mut factor = 1.0;
        if let Prices::Fixed { .. } = self.units.prices {
            let base = self.base.ok_or(Gap::Kpi(year))?;
            let kpi_at = |year: u16| {
                self.kpi
                    .and_then(|kpi| kpi.point(year))
                    .map(|point| point.value)
            };
            let base_index = kpi_at(base).ok_or(Gap::Kpi(base))?;
            let year_index = kpi_at(year).ok_or(Gap::Kpi(year))?;
            factor *= base_index / year_index;
        }
        if self.units.per_inhabitant {
            let people = self
                .population
                .and_then(|population| population.point(year))
                .map(|point| point.value)
                .ok_or(Gap::Population(year))?;
            factor /= people;
        }
        Ok(factor)
    }

    /// Converts a value of `year`.
    pub fn convert(&self, year: u16, value: Value) -> Quantity {
        let factor = match self.factor(year) {
            Ok(factor) => factor,
            Err(gap) => {
                return match value {
                    Value::Unknown => Quantity::Unknown,
                    _ => Quantity::NoReference(gap),
                }
            }
        };
        match value {
            Value::Exact(kronor) => Quantity::Exact(kronor as f64 * factor),
            Value::Range { low, high } => {
                Quantity::Range(low as f64 * factor, high as f64 * factor)
            }
            Value::Unknown => Quantity::Unknown,
        }
    }

    /// Converts a signed kronor amount of `year` (a change).
    pub fn convert_signed(&self, year: u16, kronor: i128) -> Quantity {
        match self.factor(year) {
            Ok(factor) => Quantity::Exact(kronor as f64 * factor),
            Err(gap) => Quantity::NoReference(gap),
        }
    }

    /// Whether a conversion for `year` rests on a provisional figure.
    pub fn is_provisional(&self, year: u16) -> bool {
        let provisional = |series: Option<&Series>, year: u16| {
            series
                .and_then(|series| series.point(year))
                .is_some_and(|point| point.status == PointStatus::Provisional)
        };
        let prices = matches!(self.units.prices, Prices::Fixed { .. })
            && (provisional(self.kpi, year)
                || self.base.is_some_and(|base| provisional(self.kpi, base)));
        prices || (self.units.per_inhabitant && provisional(self.population, year))
    }
}

/// The latest year whose KPI is final: the default price year.
pub fn latest_full_year(kpi: &Series) -> Option<u16> {
    kpi.points
        .iter()
        .filter(|point| point.status == PointStatus::Stated)
        .map(|point| point.year)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::reference::parse_series;

    fn series(name: &str) -> Series {
        let path = format!("{}/public/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
        parse_series(std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The unit's words in a file name, in Swedish and in English.
    fn assert_file_keys(converter: &Converter, sv: &str, en: &str) {
        assert_eq!(converter.file_key(Lang::Sv), sv);
        assert_eq!(converter.file_key(Lang::En), en);
    }
    #[test]
    fn fixed_prices_default_to_the_latest_full_kpi_year_and_convert_to_the_krona() {
        let (kpi, population) = (series("kpi"), series("population"));
        let units = Units {
            prices: Prices::Fixed { base: None },
            per_inhabitant: false,
        };
        let converter = Converter::new(units, Some(&kpi), Some(&population));
        assert_eq!(converter.base(), Some(2023), "2024's KPI is provisional");
        // 845 000 000 × 403.70 / 316.43 = 1 078 047 277.44 kronor.
        let Quantity::Exact(kronor) = converter.convert(2016, Value::Exact(845_000_000)) else {
            panic!()
        };
        assert_eq!(kronor.round(), 1_078_047_277.0);
        assert_eq!(
            converter.label(Lang::Sv),
            "miljoner kronor i 2023 års priser"
        );
        assert!(converter.is_provisional(2024));
        assert!(!converter.is_provisional(2016));
    }

    #[test]
    fn per_inhabitant_divides_by_that_years_population() {
        let (kpi, population) = (series("kpi"), series("population"));
        let units = Units {
            prices: Prices::Current,
            per_inhabitant: true,
        };
        let converter = Converter::new(units, Some(&kpi), Some(&population));
        // 1 414 000 000 / 10 230 185 = 138.2184… kr.
        let Quantity::Exact(kronor) = converter.convert(2018, Value::Exact(1_414_000_000)) else {
            panic!()
        };
        assert!((kronor - 138.2184).abs() < 0.0001, "{kronor}");
        assert_eq!(converter.scale().format(kronor, Lang::Sv), "138,22\u{a0}kr");
        assert_eq!(
            converter.label(Lang::En),
            "SEK per inhabitant, current prices"
        );
    }

    #[test]
    fn fixed_prices_per_inhabitant_combine() {
        let (kpi, population) = (series("kpi"), series("population"));
        let units = Units {
            prices: Prices::Fixed { base: Some(2018) },
            per_inhabitant: true,
        };
        let converter = Converter::new(units, Some(&kpi), Some(&population));
        // 845 000 000 × 328.40 / 316.43 / 9 995 153 = 87.7389… kr in 2018 prices.
        let Quantity::Exact(kronor) = converter.convert(2016, Value::Exact(845_000_000)) else {
            panic!()
        };
        assert!((kronor - 845_000_000.0 * 328.40 / 316.43 / 9_995_153.0).abs() < 1e-9);
        assert_eq!(converter.scale().format(kronor, Lang::Sv), "87,74\u{a0}kr");
        assert_file_keys(
            &converter,
            "kr-per-invanare_2018-ars-priser",
            "sek-per-inhabitant_2018-prices",
        );
    }

    #[test]
    fn years_without_reference_data_are_marked_not_guessed() {
        let kpi = series("kpi");
        let units = Units {
            prices: Prices::Fixed { base: Some(2023) },
            per_inhabitant: false,
        };
        let converter = Converter::new(units, Some(&kpi), None);
        assert_eq!(
            converter.convert(2011, Value::Exact(1)),
            Quantity::NoReference(Gap::Kpi(2011))
        );
        assert_eq!(converter.convert(2011, Value::Unknown), Quantity::Unknown);
        let per_inhabitant = Converter::new(
            Units {
                prices: Prices::Current,
                per_inhabitant: true,
            },
            None,
            None,
        );
        assert_eq!(
            per_inhabitant.convert(2016, Value::Exact(1)),
            Quantity::NoReference(Gap::Population(2016))
        );
        assert_eq!(Gap::Kpi(2011).short(Lang::Sv), "KPI saknas (2011)");
    }

    #[test]
    fn current_prices_leave_amounts_as_they_are() {
        let converter = Converter::new(Units::default(), None, None);
        assert_eq!(
            converter.convert(2016, Value::Exact(845_000_000)),
            Quantity::Exact(845_000_000.0)
        );
        assert_eq!(
            converter.scale().format(845_000_000.0, Lang::Sv),
            "845\u{a0}mnkr"
        );
        assert_eq!(
            converter.scale().format_range(696e6, 844e6, Lang::En),
            "SEK\u{a0}696\u{2013}844\u{a0}m"
        );
        assert_eq!(
            converter.scale().format_signed(-5e6, Lang::Sv),
            "\u{2212}5\u{a0}mnkr"
        );
        assert_file_keys(&converter, "mnkr_lopande-priser", "msek_current-prices");
    }

    #[test]
    fn shares_and_differences_keep_ranges() {
        let part = Quantity::Exact(66.0);
        let whole = Quantity::Range(696.0, 844.0);
        let Quantity::Range(low, high) = part.share_of(whole) else {
            panic!()
        };
        assert!((low - 7.82).abs() < 0.01 && (high - 9.48).abs() < 0.01);
        assert_eq!(
            Quantity::Exact(845.0).minus(whole),
            Quantity::Range(1.0, 149.0)
        );
        assert_eq!(Quantity::Unknown.share_of(whole), Quantity::Unknown);
        assert_eq!(Scale::Percent.format(53.33, Lang::Sv), "53,3\u{a0}%");
        assert_eq!(Scale::Percent.format(53.33, Lang::En), "53.3%");
        assert_eq!(Scale::Percent.format(99.999, Lang::Sv), "100\u{a0}%");
    }
}
