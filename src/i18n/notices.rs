//! A notice in words: its title, its text and where it leads, in the reader's language; and
//! the same notice as a mail. Notices are stored as facts, so these run whenever one is shown.

use super::format::material_label;
use crate::domain::Material;
use crate::domain::notification::{FlowKind, Notice};
use crate::i18n::{Lang, number};
use crate::mail::links::{inert, site_link};
use crate::t;

/// The short title of a notice.
pub fn title(lang: Lang, notice: &Notice) -> String {
    match notice {
        Notice::NewMatch { own_kind, .. } => {
            t!(
                lang,
                "notifications-new-match-title",
                kind = kind_code(*own_kind)
            )
        }
        Notice::CounterpartInterested {
            introduced: false, ..
        } => t!(lang, "notifications-interested-title"),
        Notice::CounterpartInterested {
            introduced: true, ..
        } => t!(lang, "notifications-introduced-title"),
        Notice::ExchangeStep {
            exchange_id,
            new_state,
        } => t!(
            lang,
            "notifications-step-title",
            id = exchange_id.to_string(),
            stage = stage_label(lang, new_state)
        ),
        Notice::YourTurn { exchange_id, .. } => t!(
            lang,
            "notifications-your-turn-title",
            id = exchange_id.to_string()
        ),
        Notice::NewMessage { exchange_id, .. } => t!(
            lang,
            "notifications-message-title",
            id = exchange_id.to_string()
        ),
        Notice::PartnershipInvitation { .. } => t!(lang, "notifications-partnership-title"),
        Notice::SavedSearchFit { search_name, .. } => {
            t!(lang, "market-notice-title", name = search_name.as_str())
        }
    }
}

/// The text of a notice: what happened, with the other firm anonymous.
pub fn body(lang: Lang, notice: &Notice) -> String {
    match notice {
        Notice::NewMatch {
            own_kind,
            material,
            sector,
            municipality,
            euro_per_year,
            ..
        } => t!(
            lang,
            "notifications-new-match-body",
            kind = kind_code(*own_kind),
            municipality = municipality,
            sector = sector_label(lang, *sector),
            material = material_name(lang, material),
            euro = number(lang, *euro_per_year, 0)
        ),
        Notice::CounterpartInterested {
            exchange_id,
            introduced: false,
        } => t!(
            lang,
            "notifications-interested-body",
            id = exchange_id.to_string()
        ),
        Notice::CounterpartInterested {
            exchange_id,
            introduced: true,
        } => t!(
            lang,
            "notifications-introduced-body",
            id = exchange_id.to_string()
        ),
        Notice::ExchangeStep {
            exchange_id,
            new_state,
        } => t!(
            lang,
            "notifications-step-body",
            id = exchange_id.to_string(),
            stage = stage_label(lang, new_state)
        ),
        Notice::YourTurn {
            exchange_id,
            step,
            by_firm,
        } => t!(
            lang,
            "notifications-your-turn-body",
            id = exchange_id.to_string(),
            step = step,
            firm = by_firm
        ),
        Notice::NewMessage {
            exchange_id, from, ..
        } => {
            let from = match from {
                Some(firm) => firm.clone(),
                None => t!(lang, "notifications-message-from-coordinator"),
            };
            t!(
                lang,
                "notifications-message-body",
                id = exchange_id.to_string(),
                from = from
            )
        }
        Notice::PartnershipInvitation { kind, .. } => {
            t!(lang, "notifications-partnership-body", kind = kind)
        }
        Notice::SavedSearchFit {
            search_name,
            flow_kind,
            material,
            ..
        } => t!(
            lang,
            "market-notice-body",
            name = search_name.as_str(),
            kind = kind_code(*flow_kind),
            material = material_name(lang, material)
        ),
    }
}

/// The page a notice leads to: its exchange or partnership, or the firm's matches.
pub fn link(notice: &Notice) -> String {
    if let Notice::PartnershipInvitation { partnership_id, .. } = notice {
        return format!("/partnerships/{partnership_id}");
    }
    if let Notice::SavedSearchFit {
        flow, flow_kind, ..
    } = notice
    {
        return crate::app::market::listing::listing_path(*flow_kind, flow);
    }
    match notice.exchange_id() {
        Some(id) => format!("/exchanges/{id}"),
        None => "/matches".to_string(),
    }
}

/// The words of the link to where a notice leads.
pub fn link_label(lang: Lang, notice: &Notice) -> String {
    match notice {
        Notice::PartnershipInvitation { .. } => t!(lang, "notifications-open-partnership"),
        Notice::SavedSearchFit { .. } => t!(lang, "market-notice-open"),
        _ if notice.exchange_id().is_some() => t!(lang, "notifications-open-exchange"),
        _ => t!(lang, "notifications-open-matches"),
    }
}

/// A notice as a plain-text mail: `(subject, body)`. Links are stored as
/// [`site_link`]s: the sender makes them absolute on the site's public address.
pub fn mail(lang: Lang, notice: &Notice) -> (String, String) {
    let body = format!(
        "{}\n\n{}{}\n\n{}\n\n{}\n",
        t!(lang, "notifications-mail-greeting"),
        body(lang, notice),
        quoted_message(lang, notice),
        t!(
            lang,
            "notifications-mail-open",
            path = site_link(&link(notice))
        ),
        t!(
            lang,
            "notifications-mail-why",
            path = site_link("/dashboard")
        ),
    );
    (title(lang, notice), body)
}

/// For a new message with its excerpt: "Branderij Weert schreef:" and the text, each line
/// quoted with `> ` as mail programs do; empty otherwise. Mails are plain text, so the text
/// needs no escaping, only its link placeholder made inert.
fn quoted_message(lang: Lang, notice: &Notice) -> String {
    let Notice::NewMessage {
        from,
        excerpt: Some(excerpt),
        ..
    } = notice
    else {
        return String::new();
    };
    let from = match from {
        Some(firm) => firm.clone(),
        None => t!(lang, "notifications-message-from-coordinator"),
    };
    let lines: Vec<String> = inert(excerpt)
        .lines()
        .map(|line| format!("> {line}").trim_end().to_string())
        .collect();
    format!(
        "\n\n{}\n{}",
        t!(lang, "notifications-mail-message-wrote", firm = from),
        lines.join("\n")
    )
}

/// The name of an exchange stage as stored (`agreed`).
pub fn stage_label(lang: Lang, stage: &str) -> String {
    t!(lang, "notifications-stage", stage = stage)
}

/// The name of a NACE section, from its letter.
pub fn sector_label(lang: Lang, section: Option<char>) -> String {
    let section = section.map_or_else(|| "none".to_string(), |c| c.to_string());
    t!(lang, "notifications-sector", section = section)
}

fn kind_code(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Offer => "offer",
        FlowKind::Need => "need",
    }
}

/// The material's name with its code, or the bare code when it is not one we know.
fn material_name(lang: Lang, code: &str) -> String {
    match Material::parse(code) {
        Ok(material) => format!("{} ({code})", material_label(lang, &material)),
        Err(_) => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_match() -> Notice {
        Notice::NewMatch {
            own_flow: "O-1".into(),
            own_kind: FlowKind::Offer,
            counterpart_flow: "N-1".into(),
            material: "02 03 04".into(),
            sector: Some('A'),
            municipality: "Nederweert".into(),
            euro_per_year: 1234.4,
        }
    }

    #[test]
    fn a_new_match_reads_in_dutch_and_english_with_local_numbers() {
        let dutch = body(Lang::Dutch, &new_match());
        let english = body(Lang::English, &new_match());

        assert!(dutch.contains("Nederweert (sector: Landbouw)"), "{dutch}");
        assert!(dutch.contains("€ 1.234 per jaar"), "{dutch}");
        assert!(english.contains("(sector: Agriculture)"), "{english}");
        assert!(english.contains("€1,234 a year"), "{english}");
        assert_eq!(
            title(Lang::English, &new_match()),
            "New taker for your residual stream"
        );
        assert_eq!(link(&new_match()), "/matches");
    }

    #[test]
    fn exchange_notices_name_the_stage_and_lead_to_the_exchange() {
        let step = Notice::ExchangeStep {
            exchange_id: 7,
            new_state: "agreed".into(),
        };

        assert_eq!(title(Lang::Dutch, &step), "Uitwisseling 7: akkoord");
        assert_eq!(title(Lang::English, &step), "Exchange 7: agreed");
        assert_eq!(link(&step), "/exchanges/7");
        let (subject, text) = mail(Lang::English, &step);
        assert_eq!(subject, "Exchange 7: agreed");
        assert!(
            text.contains("See it in Symbiose: {{site}}/exchanges/7"),
            "{text}"
        );
        assert_eq!(sector_label(Lang::Dutch, None), "onbekend");
        assert_eq!(sector_label(Lang::English, Some('Z')), "Other services");
    }

    #[test]
    fn a_partnership_invitation_names_what_the_firms_would_do_and_leads_to_it() {
        let invitation = Notice::PartnershipInvitation {
            partnership_id: 4,
            kind: "joint-purchasing".into(),
        };

        let dutch = body(Lang::Dutch, &invitation);
        let english = body(Lang::English, &invitation);

        assert!(dutch.contains("samen inkopen"), "{dutch}");
        assert!(english.contains("buying together"), "{english}");
        assert_eq!(
            title(Lang::Dutch, &invitation),
            "Uitnodiging voor een partnerschap"
        );
        assert_eq!(link(&invitation), "/partnerships/4");
        assert_eq!(link_label(Lang::English, &invitation), "See the invitation");
        let (_, mail) = mail(Lang::Dutch, &invitation);
        assert!(mail.contains("/partnerships/4"), "{mail}");
    }

    #[test]
    fn your_turn_and_new_message_name_the_other_firm_and_the_step() {
        let turn = Notice::YourTurn {
            exchange_id: 5,
            step: "start".into(),
            by_firm: "Branderij Weert".into(),
        };
        let message = Notice::NewMessage {
            exchange_id: 5,
            from: None,
            excerpt: None,
        };

        let dutch = body(Lang::Dutch, &turn);
        assert!(dutch.contains("Branderij Weert"), "{dutch}");
        assert!(
            dutch.contains("Nu bent u aan de beurt om de start te bevestigen"),
            "{dutch}"
        );
        let english = body(Lang::English, &turn);
        assert!(
            english.contains("your turn to confirm the start"),
            "{english}"
        );
        assert_eq!(title(Lang::English, &turn), "Exchange 5: your turn");
        assert!(body(Lang::English, &message).starts_with("The coordinator"));
        assert_eq!(link(&message), "/exchanges/5");
    }
}
