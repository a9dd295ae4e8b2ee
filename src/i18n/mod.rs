//! The language and the string table, at the bottom of the crate: [`Lang`],
//! the fixed texts in [`Text`], and the few sentences that need nothing but
//! a language (the visitor's own files). Every layer above may use it; it
//! uses only `user_text`, for quoting.
//!
//! The sentences that word a type of the core (its errors, findings,
//! notices, units, views) live in `crate::messages`, above the types they
//! word. `messages/completeness.rs` tests that each text and sentence has
//! both languages and that no sentence is written anywhere else.
//!
//! Components and the core never hold literal text: they ask for a [`Text`]
//! or call a template with their numbers and names.

/// A language the app is shown in. Swedish is the default: the agreements are
/// Swedish and so are most visitors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Svenska.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order they are offered.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The BCP 47 code, as used in `lang=""` and in the URL.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Reads a language code; only the two supported codes are accepted.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Swedish or the English form.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

macro_rules! texts {
    ($($(#[doc = $doc:literal])* $key:ident => $sv:literal, $en:literal;)*) => {
        /// A fixed piece of user-facing text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[doc = $doc])* $key,)*
        }

        impl Text {
            /// Every text key, for completeness tests.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The text in the given language.
            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Text::$key => lang.pick($sv, $en),)*
                }
            }
        }
    };
}

texts! {
    /// Page and header title.
    AppTitle => "Statens satsningar på psykisk hälsa", "Sweden's state funding for mental health";
    /// Line under the title.
    AppSubtitle => "Budgetarna i överenskommelserna mellan staten och SKR (Uppdrag Psykisk Hälsa), år för år, med källor.",
        "The budgets of the agreements between the Swedish state and SKR (Uppdrag Psykisk Hälsa), year by year, with sources.";
    /// Label of the language switch, in the other language.
    SwitchLanguage => "In English", "På svenska";
    /// Shown while the data loads.
    Loading => "Läser in data …", "Loading data …";
    /// Shown on a chart drawn at build time from a tap until the app has
    /// drawn the change (the page's start-up script shows it).
    Redrawing => "Ritar om …", "Redrawing …";
    /// Legend of the year chooser.
    ChooseYears => "Välj år att jämföra", "Choose years to compare";
    /// Button that ticks every year.
    SelectAllYears => "Alla år", "All years";
    /// Button that ticks the default years.
    SelectDefaultYears => "2015, 2016, 2018", "2015, 2016, 2018";
    /// Button that unticks every year.
    ClearYears => "Inga år", "No years";
    /// Shown when no year is chosen.
    NoYearsChosen => "Inga år valda. Kryssa i minst ett år ovan.", "No years chosen. Tick at least one year above.";
    /// Shown when none of the chosen years could be read.
    NoChosenYearLoaded => "Inget av de valda åren kunde läsas. Välj andra år ovan.", "None of the chosen years could be read. Choose other years above.";
    /// Marker after a year whose total is disputed.
    DisputedMarker => "omstritt", "disputed";
    /// Heading of the chart of totals.
    TotalsChartTitle => "Total budget per år", "Total budget per year";
    /// Heading of the chart by recipient.
    RecipientChartTitle => "Fördelning per mottagare", "Breakdown by recipient";
    /// Y axis of the charts.
    AxisMillionKronor => "miljoner kronor (löpande priser)", "million SEK (current prices)";
    /// Legend entry for disputed ranges.
    LegendDisputed => "omstritt belopp: spann mellan källorna", "disputed amount: range between sources";
    /// Text drawn where a value is unknown.
    UnknownShort => "okänt", "unknown";
    /// Heading of the table.
    TableTitle => "Belopp per år och mottagare", "Amounts by year and recipient";
    /// Header of the row label column.
    TableRowHeader => "Mottagare", "Recipient";
    /// Row with the total.
    TotalRow => "Totalt", "Total";
    /// Row with money that the sources do not break down.
    NotBrokenDownRow => "Ej fördelat i källorna", "Not broken down in sources";
    /// Row with the change from the previous chosen year.
    ChangeRow => "Förändring mot föregående valt år", "Change from previous chosen year";
    /// Note under the table.
    TableNote => "Omstridda belopp visas som spann (*), härledda är markerade (†); okänt betyder att ingen offentlig källa hittades, inte noll. ”Odelat”: källorna anger summan till kommuner och regioner, inte hur den delas mellan dem.",
        "Disputed amounts are shown as a range (*), derived ones are marked (†); unknown means no public source was found, not zero. “Undivided”: the sources give the sum for municipalities and regions, not how it is split between them.";
    /// Marker for a conversion resting on provisional KPI or population.
    ProvisionalMarker => "preliminär KPI", "provisional CPI";
    /// Heading of the sum checks.
    FindingsTitle => "Kontroll av summor", "Sum checks";
    /// Intro of the sum checks.
    FindingsIntro => "Delbeloppen jämförs med sina helheter. Avvikelser visas som de är; inget rättas i tysthet.",
        "Parts are checked against their wholes. Differences are shown as they are; nothing is silently corrected.";
    /// Heading of the sources section.
    SourcesTitle => "Källor", "Sources";
    /// Intro of the sources section.
    SourcesIntro => "Varje belopp med status och källa. Citaten är ordagranna från källan.",
        "Every amount with its status and source. Quotes are verbatim from the source (in Swedish).";
    /// Status: the source says the figure.
    StatusStated => "angivet", "stated";
    /// Status: computed from stated figures.
    StatusDerived => "härlett", "derived";
    /// Status: sources disagree.
    StatusDisputed => "omstritt", "disputed";
    /// Status: no source found.
    StatusUnknown => "okänt", "unknown";
    /// Label before a derivation.
    HowDerived => "Så har det räknats fram:", "How it was derived:";
    /// Label before a source.
    SourceLabel => "Källa:", "Source:";
    /// Label of an agreement's total in the sources list.
    AgreementTotal => "Totalt för överenskommelsen", "Agreement total";
    /// Heading of the notices about the address.
    NoticeTitle => "Om adressen", "About the address";
    /// Heading of the load errors.
    ErrorTitle => "Alla data kunde inte läsas", "Some data could not be read";
    /// Text after the load errors.
    ErrorRestWorks => "Övriga år visas som vanligt.", "The other years are shown as usual.";
    /// Footer text.
    FooterText => "Öppna data: varje belopp har en källa. Appen hämtar bara sina egna filer.",
        "Open data: every amount has a source. The app only loads its own files.";
    /// Link to the data folder.
    FooterData => "Data (JSON)", "Data (JSON)";
    /// Label of the view switcher.
    ViewsLabel => "Vy", "View";
    /// View: compare chosen years.
    ViewCompare => "Jämför år", "Compare years";
    /// View: every year's total.
    ViewTrend => "Utveckling", "Trend";
    /// View: breakdown by recipient or purpose.
    ViewBreakdown => "Fördelning", "Breakdown";
    /// View: change bridge.
    ViewBridge => "Förändring mellan två år", "Change between two years";
    /// Heading of the trend chart.
    TrendTitle => "Totalbudget år för år", "Total budget year by year";
    /// Heading of the purpose breakdown.
    PurposeChartTitle => "Fördelning per ändamål", "Breakdown by purpose";
    /// Legend of the units controls.
    UnitsLabel => "Enhet", "Units";
    /// Current prices.
    PricesCurrent => "Löpande priser", "Current prices";
    /// Fixed prices.
    PricesFixed => "Fasta priser", "Fixed prices";
    /// Price year selector.
    BaseYear => "Prisår", "Price year";
    /// Per inhabitant checkbox.
    PerInhabitant => "Per invånare", "Per inhabitant";
    /// Dimension choice.
    DimensionLabel => "Fördela efter", "Split by";
    /// By recipient.
    DimensionRecipient => "Mottagare", "Recipient";
    /// By purpose.
    DimensionPurpose => "Ändamål", "Purpose";
    /// Bar layout choice.
    LayoutLabel => "Staplar", "Bars";
    /// Side by side.
    LayoutGrouped => "Bredvid varandra", "Side by side";
    /// Stacked.
    LayoutStacked => "Staplade på varandra", "Stacked";
    /// Measure choice.
    MeasureLabel => "Visa", "Show";
    /// Amounts.
    MeasureAmount => "Belopp", "Amounts";
    /// Shares.
    MeasureShare => "Andel av årets total", "Share of the year's total";
    /// Share axis.
    ShareAxis => "procent av årets total", "percent of the year's total";
    /// Bridge first year.
    BridgeFrom => "Från år", "From year";
    /// Bridge last year.
    BridgeTo => "Till år", "To year";
    /// Waterfall increase.
    Increase => "ökning", "increase";
    /// Waterfall decrease.
    Decrease => "minskning", "decrease";
    /// Bridge item column.
    ItemColumn => "Post", "Item";
    /// Change column.
    ChangeColumn => "Förändring", "Change";
    /// Year column.
    YearColumn => "År", "Year";
    /// Total column.
    TotalColumn => "Totalt", "Total";
    /// Downloads.
    Downloads => "Ladda ner", "Download";
    /// CSV download.
    DownloadCsv => "Data (CSV)", "Data (CSV)";
    /// The download in the CSV format of SKR's web handbook.
    DownloadSkrCsv => "CSV för SKR:s diagram", "CSV for SKR's charts";
    /// What the SKR CSV is, under the downloads.
    SkrCsvNote => "”CSV för SKR:s diagram” följer SKR:s webbhandbok (Diagram från CSV-fil): semikolon mellan fälten, decimalkomma, text utan citattecken, UTF-8. Ett omstritt belopp blir två kolumner, lägsta och högsta; ett okänt lämnas tomt.",
        "“CSV for SKR's charts” follows SKR's web handbook (Diagram från CSV-fil): semicolons between fields, decimal comma, text without quotes, UTF-8. A disputed amount becomes two columns, lowest and highest; an unknown one is left empty.";
    /// Which SKR chart type fits grouped bars.
    SkrPickGrouped => "I SKR:s modul: välj Stapel, enkel.", "In SKR's module: choose Stapel (bar), enkel (simple).";
    /// Which SKR chart type fits stacked bars.
    SkrPickStacked => "I SKR:s modul: välj Stapel, staplad.", "In SKR's module: choose Stapel (bar), staplad (stacked).";
    /// Which SKR chart type fits a series over the years.
    SkrPickYears => "I SKR:s modul: välj Stapel eller Linje.", "In SKR's module: choose Stapel (bar) or Linje (line).";
    /// Which SKR chart type fits a bridge.
    SkrPickBridge => "I SKR:s modul: välj Stapel; bryggans steg blir staplar för förändringen (SKR har inget vattenfallsdiagram).",
        "In SKR's module: choose Stapel (bar); the bridge's steps become bars of the change (SKR has no waterfall chart).";
    /// Names changed to fit the SKR format, before the list.
    SkrRenamed => "Ändrat för formatet:", "Changed to fit the format:";
    /// A stated figure, said for a chart's bar.
    StatedInSource => "angivet i källan", "stated in the source";
    /// A disputed figure, said for a chart's bar.
    DisputedBothSides => "omstritt: källorna anger olika belopp", "disputed: the sources give different amounts";
    /// The keyboard help under a chart.
    ChartKeys => "Tangentbord: Tabb till diagrammet, ←/→ föregående och nästa stapel i serien, ↑/↓ föregående och nästa serie, Home/End första och sista, Page Up/Page Down största och minsta värdet, Enter visar källorna.",
        "Keyboard: Tab to the chart, ←/→ previous and next bar of the series, ↑/↓ previous and next series, Home/End first and last, Page Up/Page Down largest and smallest value, Enter shows the sources.";
    /// The keyboard help under an embedded chart (no table, so no sources).
    ChartKeysEmbedded => "Tangentbord: Tabb till diagrammet, ←/→ föregående och nästa stapel i serien, ↑/↓ föregående och nästa serie, Home/End första och sista, Page Up/Page Down största och minsta värdet.",
        "Keyboard: Tab to the chart, ←/→ previous and next bar of the series, ↑/↓ previous and next series, Home/End first and last, Page Up/Page Down largest and smallest value.";
    /// What a chart is, for screen readers, before its title.
    ChartRole => "diagram", "chart";
    /// The embed panel's theme choice.
    EmbedTheme => "Färgtema", "Colour theme";
    /// Theme: follow the visitor.
    ThemeAuto => "Som besökarens inställning", "As the visitor's setting";
    /// Theme: light.
    ThemeLight => "Ljust", "Light";
    /// Theme: dark.
    ThemeDark => "Mörkt", "Dark";
    /// The embed panel's header choice.
    EmbedHeader => "Visa diagrammens rubriker (av: er sida skriver egen)", "Show the charts' headings (off: your page writes its own)";
    /// JSON download.
    DownloadJson => "Data (JSON)", "Data (JSON)";
    /// SVG download.
    DownloadSvg => "Diagram (SVG)", "Chart (SVG)";
    /// PNG download.
    DownloadPng => "Diagram (PNG)", "Chart (PNG)";
    /// Heading of a cell's sources.
    CellSourcesTitle => "Underlag för", "What lies behind";
    /// Close button.
    Close => "Stäng", "Close";
    /// Hint on sortable headers.
    SortHint => "Klicka på en kolumnrubrik för att sortera. Klicka på ett belopp för att se dess källor.",
        "Click a column header to sort. Click an amount to see its sources.";
    /// The rest of a year, behind a cell.
    RestExplained => "Totalen minus alla delbelopp som källorna anger.", "The total minus every part the sources give.";
    /// The skip link at the top of the page.
    SkipToChart => "Hoppa till diagrammet", "Skip to the chart";
    /// Heading of the section with own files and embedding.
    MoreTitle => "Mer", "More";
    /// Copy the view's address.
    CopyLink => "Kopiera länk", "Copy link";
    /// Copy the embed code.
    CopyCode => "Kopiera koden", "Copy the code";
    /// Said after something was copied.
    Copied => "Kopierat", "Copied";
    /// Said when the browser refused to copy: the text is selected instead.
    CopyFailed => "Webbläsaren tillät inte kopiering. Kopiera adressen i fältet:", "The browser did not allow copying. Copy the address from the field:";
    /// Said when the browser refused to copy the embed code.
    CopyCodeFailed => "Webbläsaren tillät inte kopiering. Markera koden i fältet och kopiera den.", "The browser did not allow copying. Select the code in the field and copy it.";
    /// Said when the browser could not draw the PNG download.
    PngFailed => "Webbläsaren kunde inte rita bilden som PNG. Ladda ner den som SVG i stället; den har samma innehåll.", "The browser could not draw the image as PNG. Download it as SVG instead; it has the same content.";
    /// Before the address on paper.
    PrintAddress => "Adress: ", "Address: ";
    /// Before the date on paper.
    PrintedOn => "Utskriven ", "Printed ";
    /// Before the date on a downloaded chart.
    RetrievedOn => "Hämtad", "Retrieved";
    /// Between the last two items of a list.
    ListAnd => "och", "and";
    /// Between a bridge's two years in its heading.
    YearTo => "till", "to";
    /// A row without an entry that year, in a chart's description.
    NoItem => "ingen post", "no item";
    /// The lowest figure of a disputed column, in a CSV header.
    CsvLowest => "lägsta", "lowest";
    /// The highest figure of a disputed column, in a CSV header.
    CsvHighest => "högsta", "highest";
    /// The CSV's unit column.
    CsvUnit => "Enhet", "Unit";
    /// The CSV's row kind column.
    CsvRowKind => "Radtyp", "Row kind";
    /// Under the bridge table.
    BridgeNote => "Poster matchas mellan åren med sitt id. Pengar som källorna inte fördelar på poster visas som en egen post.",
        "Items are matched across years by their id. Money the sources do not break down into items is its own item.";
    /// What a sum check compares the top-level parts with.
    SumCheckWhole => "överenskommelsens total", "the agreement's total";
    /// Label of the share and download bar.
    ShareAndDownload => "Dela och ladda ner", "Share and download";
    /// The embed section's heading.
    EmbedTitle => "Bädda in", "Embed";
    /// How to use the snippet.
    EmbedIntro => "Klistra in koden i en webbsida. Den visar vyn du ser nu, anpassar sin höjd själv och kräver inga egna skript eller stilar på sidan, så den fungerar även med en strikt Content-Security-Policy.",
        "Paste the code into a web page. It shows the view you see now, sizes itself, and needs no scripts or styles of the page's own, so it works under a strict Content-Security-Policy too.";
    /// Label of the snippet field.
    EmbedCode => "Kod att klistra in", "Code to paste";
    /// Source line in an embedded chart.
    EmbedSource => "Källa: överenskommelserna mellan staten och SKL/SKR; varje belopp med källa i", "Source: the agreements between the state and SKL/SKR; every amount with its source in";
    /// Source line of a downloaded chart.
    ExportSource => "Källa: överenskommelserna mellan staten och SKL/SKR. Varje belopp med citat och länk till källan i Budgetutforskaren. Data: CC BY 4.0.",
        "Source: the agreements between the Swedish state and SKL/SKR. Every amount with a quote and a link to its source in the budget explorer. Data: CC BY 4.0.";
    /// Link from an embedded chart to the full app.
    EmbedFullApp => "hela budgetutforskaren", "the full budget explorer";
    /// Link to the single-file offline version.
    OfflineDownload => "Ladda ner för offline-bruk", "Download for offline use";
    /// What the offline file is.
    OfflineHint => "en enda HTML-fil med app och data, som fungerar utan nät", "one HTML file with app and data that works without a network";
    /// Heading of the own files panel.
    OwnFilesTitle => "Jämför med en egen fil", "Compare with your own file";
    /// What own files are for, and the promise.
    OwnFilesIntro => "Läs in en egen överenskommelse eller budget, till exempel ett utkast eller en regions andel, i samma JSON-format. Den visas bredvid de publicerade i alla vyer. Filen läses i din webbläsare och skickas aldrig någonstans.",
        "Load your own agreement or budget, for example a draft or a region's share, in the same JSON format. It is shown beside the published ones in every view. The file is read in your browser and never sent anywhere.";
    /// File picker label.
    OwnFilesChoose => "Välj JSON-filer", "Choose JSON files";
    /// Drop hint.
    OwnFilesDrop => "Du kan också släppa filer var som helst på sidan.", "You can also drop files anywhere on the page.";
    /// Example file link.
    OwnFilesExample => "Exempelfil att ladda ner och redigera", "Example file to download and edit";
    /// Schema link.
    OwnFilesSchema => "JSON Schema för formatet", "JSON Schema of the format";
    /// Heading of the loaded own files.
    OwnFilesLoaded => "Dina inlästa filer", "Your loaded files";
    /// Remove button.
    OwnFilesRemove => "Ta bort", "Remove";
    /// Marks the visitor's own file.
    OwnFileMarker => "egen fil", "your file";
    /// Marks a provisional figure.
    Provisional => "preliminärt", "provisional";
    /// Purpose: action plans.
    PurposeActionPlans => "Handlingsplaner och utvecklingsarbete", "Action plans and development";
    /// Purpose: children and young people.
    PurposeChildrenYoungPeople => "Barn och unga", "Children and young people";
    /// Purpose: youth clinics.
    PurposeYouthClinics => "Ungdomsmottagningar", "Youth clinics";
    /// Purpose: primary care.
    PurposePrimaryCare => "Primärvård", "Primary care";
    /// Purpose: child psychiatry access.
    PurposeChildPsychiatryAccess => "Tillgänglighet i BUP", "Child psychiatry access";
    /// Purpose: cooperation.
    PurposeCooperation => "Samverkan kommun–region", "Municipality–region cooperation";
    /// Purpose: knowledge-based care.
    PurposeKnowledgeBasedCare => "Kunskapsbaserad vård", "Knowledge-based care";
    /// Purpose: trauma care.
    PurposeTraumaCare => "Traumavård", "Trauma care";
    /// Purpose: co-occurring conditions.
    PurposeCoOccurringConditions => "Samsjuklighet beroende–psykiatri", "Co-occurring addiction and psychiatric conditions";
    /// Purpose: suicide prevention.
    PurposeSuicidePrevention => "Suicidprevention", "Suicide prevention";
    /// Purpose: user involvement.
    PurposeUserInvolvement => "Brukarinflytande", "User involvement";
    /// Purpose: coordination.
    PurposeCoordination => "Samordning och utvecklingsstöd", "Coordination and development support";
    /// Purpose: resource centres.
    PurposeResourceCentres => "Regionala resurscentrum", "Regional resource centres";
    /// Purpose: national infrastructure.
    PurposeNationalInfrastructure => "Nationell infrastruktur (utredning)", "National infrastructure (inquiry)";
    /// Purpose: people with extensive needs.
    PurposeExtensiveNeeds => "Personer med omfattande behov", "People with extensive needs";
    /// Purpose: stimulus funds.
    PurposeStimulusFunds => "Stimulansmedel", "Stimulus funds";
    /// Purpose: performance funds.
    PurposePerformanceFunds => "Prestationsmedel", "Performance-based funds";
    /// Purpose: not stated.
    PurposeUnspecified => "Ändamål ej angivet", "Purpose not stated";
    /// Recipient: regions.
    RecipientRegions => "Regioner (landsting)", "Regions";
    /// Recipient: municipalities.
    RecipientMunicipalities => "Kommuner", "Municipalities";
    /// Recipient: both regions and municipalities.
    /// (The sources give the sum for both, not how it is split between them.)
    RecipientBoth => "Kommuner och regioner (odelat)", "Municipalities and regions (undivided)";
    /// A parent's remainder: `{}` is the parent's name.
    RestOf => "{}: ej nedbrutet vidare i källorna", "{}: not broken down further in the sources";
    /// Heading of the about-the-data section.
    AboutTitle => "Om data", "About the data";
    /// Intro of the about-the-data section.
    AboutIntro => "Varje belopp kommer från en namngiven källa, med källans egna ord. Här syns hur fullständig varje år är och vad som inte är känt.",
        "Every amount comes from a named source, in the source's own words. Here is how complete each year is and what is not known.";
    /// Heading of the coverage table.
    CoverageTitle => "Täckning per år", "Coverage per year";
    /// Column: year.
    CoverageYear => "År", "Year";
    /// Column: the total.
    CoverageTotal => "Total", "Total";
    /// Column: the total's status.
    CoverageStatus => "Totalens status", "Status of the total";
    /// Column: whether recipients are known.
    CoverageRecipients => "Mottagare kända?", "Recipients known?";
    /// Coverage: every krona's recipient known.
    CoverageComplete => "Ja, för hela beloppet", "Yes, for the whole amount";
    /// Coverage: some money's recipient not given; `{}` is the amount.
    CoveragePartly => "Delvis: mottagaren anges inte för {}", "Partly: no recipient given for {}";
    /// Coverage: a year with no data file.
    CoverageNoFigures => "Inga belopp har hittats för året", "No figures have been found for the year";
    /// Coverage: the total is unknown.
    CoverageTotalUnknown => "Totalen är okänd", "The total is unknown";
    /// Heading of the open questions.
    OpenQuestionsTitle => "Öppna frågor", "Open questions";
    /// Heading of the statuses.
    StatusesTitle => "Vad statusarna betyder", "What the statuses mean";
    /// Status explained: stated.
    AboutStated => "Källan skriver beloppet; talet står ordagrant i citatet, markerat.", "The source states the amount; the number is in the quote word for word, marked.";
    /// Status explained: derived.
    AboutDerived => "Räknat ur angivna belopp; uträkningen visas och varje ingående belopp kan öppnas.", "Computed from stated amounts; the arithmetic is shown and each input can be opened.";
    /// Status explained: disputed.
    AboutDisputed => "Källorna säger olika; alla uppgifter visas och ingen väljs i tysthet.", "The sources disagree; every figure is shown and none is picked silently.";
    /// Status explained: unknown.
    AboutUnknown => "Ingen källa har hittats. Okänt är inte noll.", "No source has been found. Unknown is not zero.";
    /// Heading: how to cite.
    CiteTitle => "Så citerar du", "How to cite";
    /// The citation: app title, data version, last checked, address.
    CiteAs => "{}, data version {} (senast kontrollerad mot källorna {}). {}", "{}, data version {} (last checked against the sources {}). {}";
    /// Heading: licence.
    LicenceTitle => "Licens", "Licence";
    /// The licence text before its name.
    LicenceText => "Sammanställningen får återanvändas under", "The compilation may be reused under";
    /// After the licence: the quotes' rights.
    LicenceQuotes => "Citaten tillhör sina utgivare och återges som citat med källa.", "The quotes belong to their publishers and are given as attributed quotations.";
    /// Heading: open data downloads.
    OpenDataTitle => "Öppna data", "Open data";
    /// The downloads' intro.
    OpenDataText => "Alla belopp som en tabell (en rad per belopp) och som Frictionless Data Package:", "Every figure as one table (a row per figure) and as a Frictionless Data Package:";
    /// Last checked, before the date.
    LastChecked => "Senast kontrollerad mot källorna:", "Last checked against the sources:";
    /// Before the seed file of a source with no address.
    SeedSource => "projektets källtext", "the project's seed text";
    /// Heading of a derived figure's inputs.
    ComputedFrom => "Beräknat av (öppna för källan):", "Computed from (open for the source):";
    /// A part under one side of a disputed total only: publisher, amount.
    OnlyUnder => "Finns bara med totalen enligt {} ({}); med de andra uppgifterna om totalen anger ingen källa den här delen.",
        "Exists only with the total according to {} ({}); with the other figures for the total no source gives this part.";
    /// Before an "of which" figure.
    OfWhich => "varav", "of which";
    /// After a part of the split by recipient.
    SplitByRecipient => "uppdelning per mottagare", "split by recipient";
    /// After a part of the split by purpose.
    SplitByPurpose => "uppdelning per ändamål", "split by purpose";
    /// Row: regions, municipalities and both together.
    MunicipalitiesAndRegionsSubtotal => "Kommuner och regioner sammanlagt", "Municipalities and regions in total";
    /// Recipient: SKL/SKR.
    RecipientSkr => "SKL/SKR", "SKL/SKR";
    /// Recipient: someone else.
    RecipientOther => "Övriga", "Others";
    /// Recipient: the source does not say.
    RecipientUnspecified => "Mottagare ej angiven", "Recipient not stated";
}

/// The heading over the visitor's files that could not be read: one file
/// or several, so the heading agrees with the list under it.
pub fn own_files_problems(count: usize, lang: Lang) -> String {
    match (count, lang) {
        (0 | 1, Lang::Sv) => "Filen kunde inte läsas; inget av det som visas har ändrats.".into(),
        (0 | 1, Lang::En) => "The file could not be read; nothing shown has changed.".into(),
        (count, Lang::Sv) => {
            format!("{count} filer kunde inte läsas; inget av det som visas har ändrats.")
        }
        (count, Lang::En) => format!("{count} files could not be read; nothing shown has changed."),
    }
}

/// Said while the visitor's files are read: "Läser dina filer: 3 av 50 …".
pub fn reading_own_files(reading: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Läser dina filer: {reading} av {total} …"),
        Lang::En => format!("Reading your files: {reading} of {total} …"),
    }
}

/// Where a file from an address comes from, in words: its host, or this site.
pub fn file_origin(host: Option<&str>, lang: Lang) -> String {
    match host {
        Some(host) => crate::user_text::quoted(host, crate::user_text::MAX_QUOTED_CHARS),
        None => lang.pick("den här webbplatsen", "this site").to_string(),
    }
}

/// Shown while a file named in the address is on its way.
pub fn fetching_from(host: Option<&str>, lang: Lang) -> String {
    let origin = file_origin(host, lang);
    match lang {
        Lang::Sv => format!("Hämtar en fil från {origin} som adressen ber om …"),
        Lang::En => format!("Fetching a file from {origin} that the address asks for …"),
    }
}

/// The banner over a file that came from an address, not from the visitor.
pub fn outside_file_banner(host: Option<&str>, key: &str, lang: Lang) -> String {
    let origin = file_origin(host, lang);
    let key = crate::user_text::quoted(key, crate::user_text::MAX_QUOTED_CHARS);
    match lang {
        Lang::Sv => format!("Utomstående fil: {key} kommer från {origin}, inte från de officiella källorna. Den som gjorde länken valde filen; dess belopp är inte granskade här."),
        Lang::En => format!("Outside file: {key} comes from {origin}, not from the official sources. Whoever made the link chose it; its figures are not checked here."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_reject_others() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn the_problem_heading_agrees_with_the_number_of_files() {
        assert!(own_files_problems(1, Lang::Sv).starts_with("Filen kunde"));
        assert!(own_files_problems(2, Lang::Sv).starts_with("2 filer kunde"));
        assert!(own_files_problems(3, Lang::En).starts_with("3 files could"));
    }
}
