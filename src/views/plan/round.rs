//! A collection round (`/rounds/{id}`), as a coordinator, its receiver or one of its members
//! sees it. Firms see each other as sector and municipality only, as on an exchange before
//! both sides said interested.

use maud::{Markup, html};

use super::exchanges::euro_per_year;
use crate::domain::{Material, Unit};
use crate::i18n::{Lang, date_time};
use crate::storage::exchanges::PartyRecord;
use crate::storage::rounds::RoundRecord;
use crate::t;
use crate::views::exchanges::stage_name;
use crate::views::layout::{self, Viewer};
use crate::views::matches::sector_in;
use crate::views::material::material;

use super::exchanges::per_year;

/// What `/rounds/{id}` shows.
pub struct RoundPage<'a> {
    pub viewer: Viewer,
    pub round: &'a RoundRecord,
    /// The viewer's firm; `None` for a coordinator, who sees every name and exchange.
    pub own_company: Option<i64>,
}

impl RoundPage<'_> {
    /// How the viewer may see a firm of the round.
    fn party(&self, lang: Lang, company: i64, party: &PartyRecord) -> String {
        match self.own_company {
            None => format!("{} ({})", party.name, party.municipality),
            Some(own) if own == company => t!(lang, "plan-round-your-firm"),
            Some(_) => sector_in(lang, party.nace.as_deref(), &party.municipality),
        }
    }

    /// The receiver sees every exchange to its need; a member only its own.
    fn sees_exchange_of(&self, member_company: i64) -> bool {
        match self.own_company {
            None => true,
            Some(own) => own == self.round.receiver_company || own == member_company,
        }
    }
}

/// `/rounds/{id}`.
pub fn round_page(view: &RoundPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let round = view.round;
    let title = t!(lang, "plan-round-title", id = round.id.to_string());
    let tonnes: f64 = round.members.iter().map(|m| m.tonnes_per_year).sum();
    let cost: f64 = round
        .members
        .iter()
        .map(|m| m.cost_share_eur_per_year)
        .sum();
    let sees_need = view
        .own_company
        .is_none_or(|own| own == round.receiver_company);
    html! {
        (layout::page(&title, &view.viewer, html! {
            h1 { (title) }
            p.meta {
                (t!(lang, "plan-round-state", state = round.state.as_str()))
                " · " (t!(lang, "plan-round-formed", at = date_time(lang, round.created_at)))
            }
            p.lead { (t!(lang, "plan-round-lead")) }
            p {
                strong { (t!(lang, "plan-round-receiver")) " " }
                (view.party(lang, round.receiver_company, &round.receiver))
                @if sees_need {
                    ": " (round.need_description)
                }
            }
            table.round {
                thead { tr {
                    th { (t!(lang, "plan-column-supplier")) }
                    th { (t!(lang, "plan-column-material")) }
                    th.number { (t!(lang, "plan-column-quantity")) }
                    th.number { (t!(lang, "plan-column-cost-share")) }
                    th { (t!(lang, "plan-column-exchange")) }
                } }
                tbody { @for member in &round.members {
                    tr {
                        td { (view.party(lang, member.company, &member.party)) }
                        td {
                            @match Material::parse(&member.material) {
                                Ok(known) => (material(lang, &known)),
                                Err(_) => span.code { (member.material) },
                            }
                            @if view.sees_exchange_of(member.company) && !member.offer_description.is_empty() {
                                br; span.description { (member.offer_description) }
                            }
                        }
                        td.number { (per_year(lang, member.tonnes_per_year, Unit::Tonnes)) }
                        td.number { (euro_per_year(lang, member.cost_share_eur_per_year)) }
                        td { @match member.exchange {
                            Some((id, at)) if view.sees_exchange_of(member.company) =>
                                a href={ "/exchanges/" (id) } { (stage_name(lang, at)) },
                            _ => span.none { "—" },
                        } }
                    }
                } }
                tfoot { tr {
                    th { (t!(lang, "plan-round-total", count = round.members.len())) }
                    td {}
                    td.number { (per_year(lang, tonnes, Unit::Tonnes)) }
                    td.number { (euro_per_year(lang, cost)) }
                    td {}
                } }
            }
        }))
    }
}
