//! The map's colours: a few roles and one colour per NACE section, as an embedded style sheet.
//!
//! The style sheet is built from constants only, and contains no `<`, `>`, `&` or quotes, so
//! maud's escaping leaves it intact whether the SVG is served alone (parsed as XML) or inlined
//! in a page (where `<style>` is raw text).

use std::sync::LazyLock;

/// How a mark on the map is coloured: by its role, or by its firm's NACE section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A firm, when its sector is unknown or does not matter.
    Firm,
    /// A residual stream on offer.
    Offer,
    /// A need for an input.
    Need,
    /// An exchange between two firms.
    Exchange,
    /// A collection round.
    Pool,
    /// Context that should recede, e.g. firms outside a selection.
    Muted,
    /// A NACE section letter `A`–`U`; any other letter is drawn as `Firm`.
    Sector(char),
}

const ROLES: [(Tone, &str, &str); 6] = [
    (Tone::Firm, "firm", "#2b6cb0"),
    (Tone::Offer, "offer", "#dd6b20"),
    (Tone::Need, "need", "#2f855a"),
    (Tone::Exchange, "exchange", "#2c7a7b"),
    (Tone::Pool, "pool", "#b7791f"),
    (Tone::Muted, "muted", "#a0aec0"),
];

/// One colour per section, A to U; neighbouring sectors differ in hue so that a cluster of
/// manufacturers (C) stands apart from the waste processors (E) beside them.
const SECTOR_COLOURS: [&str; 21] = [
    "#4d9221", "#8c6d31", "#d6604d", "#f1a340", "#1b7837", "#b35806", "#762a83", "#2166ac",
    "#e7298a", "#35978f", "#542788", "#9970ab", "#5aae61", "#bf812d", "#4d4d4d", "#e08214",
    "#c51b7d", "#4393c3", "#878787", "#a6761d", "#666666",
];

impl Tone {
    /// The CSS class the mark gets: `offer`, `sector-c`.
    pub fn class(&self) -> String {
        match self.section_index() {
            Some(index) => format!("sector-{}", (b'a' + index as u8) as char),
            None => self.role().1.to_string(),
        }
    }

    /// The colour the mark is drawn in, e.g. for a legend on the page.
    pub fn colour(&self) -> &'static str {
        match self.section_index() {
            Some(index) => SECTOR_COLOURS[index],
            None => self.role().2,
        }
    }

    /// Position of a sector's letter in `A..=U`.
    fn section_index(&self) -> Option<usize> {
        match self {
            Tone::Sector(letter) => {
                let letter = letter.to_ascii_uppercase();
                ('A'..='U')
                    .contains(&letter)
                    .then(|| letter as usize - 'A' as usize)
            }
            _ => None,
        }
    }

    /// The role's entry; a sector falls back to `Firm`.
    fn role(&self) -> (Tone, &'static str, &'static str) {
        ROLES
            .iter()
            .copied()
            .find(|(tone, _, _)| tone == self)
            .unwrap_or(ROLES[0])
    }
}

const BASE_RULES: &str = "\
.background{fill:#f4f6f1}\
.graticule line{stroke:#dde3d8;stroke-width:0.6}\
.municipalities rect{fill:#3c4a3e}\
.municipality-names text,.scale text{font-family:sans-serif;font-size:11px;fill:#2d3730;\
paint-order:stroke;stroke:#f4f6f1;stroke-width:3}\
.lines line,.polylines polyline{fill:none;stroke-linecap:round;stroke-linejoin:round;\
stroke-opacity:0.75}\
.points circle{stroke:#ffffff;stroke-width:1}\
.marker circle,.marker line{fill:none;stroke:#c53030;stroke-width:2.5}\
.marker circle.dot{fill:#c53030;stroke:none}\
.scale line{stroke:#2d3730;stroke-width:2}";

/// The base rules and a fill and stroke colour per tone. Stroke widths stay out of the tone
/// rules: lines carry their own as attributes, which any CSS rule would override.
pub(super) static STYLE_SHEET: LazyLock<String> = LazyLock::new(|| {
    let roles = ROLES.iter().map(|(tone, _, _)| *tone);
    let sectors = ('A'..='U').map(Tone::Sector);
    let tones = roles.chain(sectors);
    let mut sheet = BASE_RULES.to_string();
    for tone in tones {
        let (class, colour) = (tone.class(), tone.colour());
        sheet.push_str(&format!(".{class}{{fill:{colour};stroke:{colour}}}"));
    }
    sheet
});
