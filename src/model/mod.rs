//! The agreement data: typed, validated, with every amount's status and source.
//!
//! Files are read by [`parse_agreement`], which never panics and reports every
//! problem it finds with the JSON path it was found at. Sum checks that do not
//! make a file invalid (an incomplete breakdown, say) are [`Finding`]s from
//! [`check_sums`].

mod error;
mod figure;
mod findings;
pub(crate) mod json_path;
mod parse;
pub(crate) mod reader;
pub mod scan;
mod written;

pub use error::{Expected, LoadError, Problem, ProblemKind, MAX_PROBLEMS};
pub use figure::{Alternative, Confirmation, Figure, SourceWords, Status, Value};
pub use findings::{check_sums, Finding, FindingKind};
pub use parse::{parse_agreement, FORMAT_VERSION};
pub use reader::{is_http_url, Limits};
pub use written::written_amount;

use crate::i18n::{Lang, Text};
use crate::keyed::keyed_enum;

/// A text in Swedish and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Localized {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.sv, &self.en)
    }

    /// A fixed text of the app's, in both languages.
    pub fn of(text: crate::i18n::Text) -> Localized {
        Localized {
            sv: text.get(Lang::Sv).into(),
            en: text.get(Lang::En).into(),
        }
    }
}

/// One year's agreement between the state and SKL/SKR.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The data format version the file was written in.
    pub format_version: u32,
    /// The budget year the agreement covers.
    pub year: u16,
    /// The agreement's name.
    pub title: Localized,
    /// Who made the agreement.
    pub parties: Vec<String>,
    /// The agreement's total, with its status and source.
    pub total: Figure,
    /// The money's allocations, a tree by `parent`.
    pub allocations: Vec<Allocation>,
    /// Every source an amount refers to.
    pub sources: Vec<Source>,
    /// A note on the year as a whole.
    pub note: Option<Localized>,
    /// What is not known about the year's money, for visitors.
    pub open_questions: Vec<Localized>,
}

impl Agreement {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// Direct parts of `parent` (`None`: the top level), "of which" figures
    /// included; see [`Allocation::of_which`].
    pub fn children<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a Allocation> {
        self.allocations
            .iter()
            .filter(move |allocation| allocation.parent.as_deref() == parent)
    }

    /// The parts of `parent` whose amounts add up to it, in file order: "of
    /// which" figures are left out, and so are parts that exist only under
    /// another side of a disputed total than `under` (with `under` = `None`,
    /// every side's parts count). When the parent is split two ways, the
    /// split `prefer` is taken if it exists, else the first one listed.
    pub fn parts<'a>(
        &'a self,
        parent: Option<&'a str>,
        prefer: SplitBy,
        under: Option<&'a Alternative>,
    ) -> Vec<&'a Allocation> {
        let groups = self.split_groups(parent, under);
        let chosen = groups
            .iter()
            .position(|(split, _)| *split == Some(prefer))
            .unwrap_or(0);
        groups
            .into_iter()
            .nth(chosen)
            .map(|(_, parts)| parts)
            .unwrap_or_default()
    }

    /// The parts of `parent` that add up to it, one group per split (a single
    /// group with `None` when the parent is split one way only). See [`parts`](Self::parts).
    pub fn split_groups<'a>(
        &'a self,
        parent: Option<&'a str>,
        under: Option<&'a Alternative>,
    ) -> Vec<(Option<SplitBy>, Vec<&'a Allocation>)> {
        let mut groups: Vec<(Option<SplitBy>, Vec<&'a Allocation>)> = Vec::new();
        let counted = self.children(parent).filter(|part| {
            !part.of_which
                && match (&part.only_under, under) {
                    (Some(only), Some(alternative)) => alternative.id.as_deref() == Some(only),
                    _ => true,
                }
        });
        for part in counted {
            match groups.iter_mut().find(|(split, _)| *split == part.split) {
                Some((_, parts)) => parts.push(part),
                None => groups.push((part.split, vec![part])),
            }
        }
        groups
    }

    /// The sides of the total: each alternative of a disputed total, or one
    /// side (`None`) for any other. Parts with `only_under` count on their side only.
    pub fn sides(&self) -> Vec<Option<&Alternative>> {
        match &self.total {
            Figure::Disputed { alternatives, .. } => alternatives.iter().map(Some).collect(),
            _ => vec![None],
        }
    }

    /// The "of which" figures of `parent` (`None`: of the total).
    pub fn of_which<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a Allocation> {
        self.children(parent).filter(|part| part.of_which)
    }

    /// The allocation with this id.
    pub fn allocation(&self, id: &str) -> Option<&Allocation> {
        self.allocations
            .iter()
            .find(|allocation| allocation.id == id)
    }

    /// The figure an `inputs` entry names: `total` or an allocation id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        if id == "total" {
            Some(&self.total)
        } else {
            self.allocation(id).map(|allocation| &allocation.amount)
        }
    }
}

/// One allocation of money within an agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// A stable key, the same across years for the same kind of money.
    pub id: String,
    /// The id of the allocation this one is part of.
    pub parent: Option<String>,
    /// What the money is, as the source names it.
    pub label: Localized,
    /// Who gets the money.
    pub recipient: Recipient,
    /// What the money is for.
    pub purpose: Purpose,
    /// How much, with status and source.
    pub amount: Figure,
    /// When the parent's money is split two ways (by recipient and by
    /// purpose), which split this part belongs to. Parts of different splits
    /// are the same money and are never added together.
    pub split: Option<SplitBy>,
    /// An "of which" figure: part of its parent's money, but no source places
    /// it among the other parts, so it is shown beside them and never summed.
    pub of_which: bool,
    /// The id of the total's alternative under which alone this part exists
    /// (2019's SKR share is derived from SKR's total, not ESV's).
    pub only_under: Option<String>,
}

/// A source of figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The id amounts refer to.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// The page's or document's title.
    pub title: String,
    /// Where it can be read; only http(s) addresses are accepted.
    pub url: Option<String>,
    /// The project's seed text that holds it, when it has no address
    /// (`seeds/004_209da8affed149aa.txt`).
    pub seed: Option<String>,
    /// Format 1: one quote for the whole source. Format 2 keeps the quote
    /// with each figure ([`SourceWords`]); this is shown only for a figure
    /// that has none.
    pub quote: Option<String>,
}

keyed_enum! {
    /// Which way a part splits its parent's money, when there are two ways.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum SplitBy {
        /// The split by who receives the money.
        Recipient = "recipient",
        /// The split by what the money is for.
        Purpose = "purpose",
    }
}

keyed_enum! {
    /// Who receives an allocation.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Recipient {
        /// Regions (formerly landsting).
        Regions = "regions",
        /// Municipalities (kommuner).
        Municipalities = "municipalities",
        /// Municipalities and regions together.
        Both = "both",
        /// SKL, since 2019 SKR.
        Skr = "skr",
        /// Someone else.
        Other = "other",
        /// The source does not say.
        Unspecified = "unspecified",
    }
}

impl Recipient {
    /// The recipient's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let text = match self {
            Recipient::Regions => Text::RecipientRegions,
            Recipient::Municipalities => Text::RecipientMunicipalities,
            Recipient::Both => Text::RecipientBoth,
            Recipient::Skr => Text::RecipientSkr,
            Recipient::Other => Text::RecipientOther,
            Recipient::Unspecified => Text::RecipientUnspecified,
        };
        text.get(lang)
    }
}

keyed_enum! {
    /// What an allocation is for: a small fixed vocabulary, so that purposes
    /// can be compared across years.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Purpose {
        /// Analyses, goals, local and regional action plans, general development.
        ActionPlans = "action-plans",
        /// Children and young people.
        ChildrenYoungPeople = "children-young-people",
        /// Youth clinics (ungdomsmottagningar).
        YouthClinics = "youth-clinics",
        /// Primary care.
        PrimaryCare = "primary-care",
        /// Child and adolescent psychiatry (BUP) queues and access.
        ChildPsychiatryAccess = "child-psychiatry-access",
        /// Cooperation between municipalities and regions.
        Cooperation = "cooperation",
        /// Knowledge-based care.
        KnowledgeBasedCare = "knowledge-based-care",
        /// Trauma care.
        TraumaCare = "trauma-care",
        /// People with addiction and psychiatric conditions together.
        CoOccurringConditions = "co-occurring-conditions",
        /// Suicide prevention.
        SuicidePrevention = "suicide-prevention",
        /// User and patient involvement.
        UserInvolvement = "user-involvement",
        /// SKL/SKR's coordination, development support and analysis.
        Coordination = "coordination",
        /// Regional resource centres.
        ResourceCentres = "resource-centres",
        /// An inquiry into a national infrastructure.
        NationalInfrastructure = "national-infrastructure",
        /// People with extensive or complex needs (omfattande behov).
        ExtensiveNeeds = "extensive-needs",
        /// Stimulus funds (stimulansmedel), not broken down further.
        StimulusFunds = "stimulus-funds",
        /// Performance-based funds (prestationsmedel).
        PerformanceFunds = "performance-funds",
        /// The source does not say.
        Unspecified = "unspecified",
    }
}

impl Purpose {
    /// The purpose's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let text = match self {
            Purpose::ActionPlans => Text::PurposeActionPlans,
            Purpose::ChildrenYoungPeople => Text::PurposeChildrenYoungPeople,
            Purpose::YouthClinics => Text::PurposeYouthClinics,
            Purpose::PrimaryCare => Text::PurposePrimaryCare,
            Purpose::ChildPsychiatryAccess => Text::PurposeChildPsychiatryAccess,
            Purpose::Cooperation => Text::PurposeCooperation,
            Purpose::KnowledgeBasedCare => Text::PurposeKnowledgeBasedCare,
            Purpose::TraumaCare => Text::PurposeTraumaCare,
            Purpose::CoOccurringConditions => Text::PurposeCoOccurringConditions,
            Purpose::SuicidePrevention => Text::PurposeSuicidePrevention,
            Purpose::UserInvolvement => Text::PurposeUserInvolvement,
            Purpose::Coordination => Text::PurposeCoordination,
            Purpose::ResourceCentres => Text::PurposeResourceCentres,
            Purpose::NationalInfrastructure => Text::PurposeNationalInfrastructure,
            Purpose::ExtensiveNeeds => Text::PurposeExtensiveNeeds,
            Purpose::StimulusFunds => Text::PurposeStimulusFunds,
            Purpose::PerformanceFunds => Text::PurposePerformanceFunds,
            Purpose::Unspecified => Text::PurposeUnspecified,
        };
        text.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_for_every_recipient_and_purpose() {
        for recipient in Recipient::ALL {
            assert_eq!(Recipient::from_key(recipient.key()), Some(*recipient));
            assert!(!recipient.label(Lang::En).is_empty());
        }
        for purpose in Purpose::ALL {
            assert_eq!(Purpose::from_key(purpose.key()), Some(*purpose));
            assert!(!purpose.label(Lang::Sv).is_empty());
        }
        assert_eq!(Recipient::from_key("Regions"), None);
    }
}
