//! The choices the address names by key.

use crate::keyed::keyed_enum;

keyed_enum! {
    /// Which view is shown.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum ViewKind {
        /// The chosen years' totals and recipients side by side (the default).
        #[default]
        Compare = "compare",
        /// Every year's total on one chart.
        Trend = "trend",
        /// The chosen years by recipient or purpose, grouped or stacked.
        Breakdown = "breakdown",
        /// What changed from one year to another, item by item.
        Bridge = "bridge",
    }
}

keyed_enum! {
    /// What a breakdown splits the money by.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Dimension {
        /// Who receives it.
        #[default]
        Recipient = "recipient",
        /// What it is for.
        Purpose = "purpose",
    }
}

keyed_enum! {
    /// Whether a breakdown shows kronor or shares of the year's total.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Measure {
        /// Kronor (in the chosen units).
        #[default]
        Amount = "amount",
        /// Percent of the year's total.
        Share = "share",
    }
}

keyed_enum! {
    /// A parameter of the address, by its name.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Parameter {
        /// The chosen years.
        Years = "years",
        /// A file to load.
        Data = "data",
        /// Shown inside another page.
        Embed = "embed",
        /// The language.
        Lang = "lang",
        /// The view.
        View = "view",
        /// What a breakdown splits by.
        By = "by",
        /// How a breakdown's bars are laid out.
        Layout = "layout",
        /// Kronor or shares.
        Measure = "measure",
        /// The bridge's first year.
        From = "from",
        /// The bridge's last year.
        To = "to",
        /// The source of a disputed first year.
        FromSource = "from_source",
        /// The source of a disputed last year.
        ToSource = "to_source",
        /// Current or fixed prices.
        Prices = "prices",
        /// The price year.
        Base = "base",
        /// Per inhabitant or in total.
        Per = "per",
        /// An embed's colours.
        Theme = "theme",
        /// Whether an embed shows its charts' headings.
        Header = "header",
    }
}

impl std::fmt::Display for Parameter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

keyed_enum! {
    /// The page's colours: the visitor's own setting, or fixed light or dark
    /// (for an embed that must match its host page).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Theme {
        /// As the visitor's system says.
        #[default]
        Auto = "auto",
        /// Light.
        Light = "light",
        /// Dark.
        Dark = "dark",
    }
}
