//! Notices: what a firm is told on its dashboard (and, later, by mail). A notice is stored as
//! its kind and the facts it needs, never as text, so that each reader sees it in their own
//! language. It names no firm: the other side of a match stays anonymous (sector and
//! municipality) until both sides said interested.

use serde::{Deserialize, Serialize};

use super::exchange::{Actor, ExchangeStatus, Side, Stage};

/// Which of its own flows a firm is told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowKind {
    Offer,
    Need,
}

/// One thing a firm is told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Notice {
    /// A new or changed flow elsewhere fits one of the firm's own flows.
    NewMatch {
        /// The firm's own flow that the new one fits.
        own_flow: String,
        own_kind: FlowKind,
        /// The new flow; remembered so that the same pair is announced only once.
        counterpart_flow: String,
        /// The material moving (a List-of-Waste or resource code).
        material: String,
        /// The NACE section letter of the other firm, if known.
        sector: Option<char>,
        municipality: String,
        /// The pair's net benefit, € per year.
        euro_per_year: f64,
    },
    /// The other side of an exchange said interested; `introduced` when both now have.
    CounterpartInterested { exchange_id: i64, introduced: bool },
    /// An exchange moved to another stage (`new_state` as stored, e.g. `agreed`).
    ExchangeStep { exchange_id: i64, new_state: String },
    /// The other firm confirmed a step both sides must confirm; now it is this firm's turn.
    /// `step` names the step (`agree`, `start`, `complete`), `by_firm` the firm that confirmed
    /// (both sides know each other's name by then).
    YourTurn {
        exchange_id: i64,
        step: String,
        by_firm: String,
    },
    /// A new message in an exchange; `from` is the sending firm's name, `None` for the
    /// region's coordinator.
    NewMessage {
        exchange_id: i64,
        from: Option<String>,
        /// The start of the message ([`mail_excerpt`](crate::domain::message::mail_excerpt)),
        /// for the mail only: not stored with the notice (the thread keeps the text), so a
        /// notice read back has none.
        #[serde(skip)]
        excerpt: Option<String>,
    },
    /// A coordinator invited the firm to a partnership (`kind` as stored, e.g. `training`).
    PartnershipInvitation {
        partnership_id: i64,
        // Stored under another name: `kind` is the tag that says which notice this is.
        #[serde(rename = "partnership_kind")]
        kind: String,
    },
    /// A flow newly on the market (added, or changed so that it fits) fits a search the firm
    /// saved.
    SavedSearchFit {
        search_id: i64,
        search_name: String,
        /// The flow's key, for its listing page.
        flow: String,
        flow_kind: FlowKind,
        /// An offer's material, or a need's first accepted entry (a code or chapter).
        material: String,
    },
}

/// A notice whose stored form is not one this version knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable notice of kind \"{kind}\": {reason}")]
pub struct UnknownNotice {
    pub kind: String,
    pub reason: String,
}

impl Notice {
    /// The stored kind of [`Notice::SavedSearchFit`].
    pub const SAVED_SEARCH_KIND: &'static str = "saved-search-fit";

    /// The kind as stored: `new-match`, `counterpart-interested`, `exchange-step`,
    /// `your-turn`, `new-message`, `partnership-invitation`.
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::NewMatch { .. } => "new-match",
            Notice::CounterpartInterested { .. } => "counterpart-interested",
            Notice::ExchangeStep { .. } => "exchange-step",
            Notice::YourTurn { .. } => "your-turn",
            Notice::NewMessage { .. } => "new-message",
            Notice::PartnershipInvitation { .. } => "partnership-invitation",
            Notice::SavedSearchFit { .. } => Notice::SAVED_SEARCH_KIND,
        }
    }

    /// The exchange the notice is about, if any.
    pub fn exchange_id(&self) -> Option<i64> {
        match self {
            Notice::NewMatch { .. }
            | Notice::PartnershipInvitation { .. }
            | Notice::SavedSearchFit { .. } => None,
            Notice::CounterpartInterested { exchange_id, .. }
            | Notice::ExchangeStep { exchange_id, .. }
            | Notice::YourTurn { exchange_id, .. }
            | Notice::NewMessage { exchange_id, .. } => Some(*exchange_id),
        }
    }

    /// The facts of the notice as JSON text, without its kind.
    pub fn params(&self) -> String {
        let mut value = serde_json::to_value(self).expect("a notice always serialises");
        if let Some(fields) = value.as_object_mut() {
            fields.remove("kind");
        }
        value.to_string()
    }

    /// Reads a notice back from its kind and JSON facts.
    pub fn from_stored(kind: &str, params: &str) -> Result<Notice, UnknownNotice> {
        let unknown = |reason: String| UnknownNotice {
            kind: kind.to_string(),
            reason,
        };
        let mut value: serde_json::Value =
            serde_json::from_str(params).map_err(|e| unknown(e.to_string()))?;
        let fields = value
            .as_object_mut()
            .ok_or_else(|| unknown("the facts are not an object".into()))?;
        fields.insert("kind".into(), serde_json::Value::from(kind));
        serde_json::from_value(value).map_err(|e| unknown(e.to_string()))
    }
}

/// Who hears of a step on an exchange, and what: the other party when one side acted, both
/// parties when a coordinator did. When one side confirms a step both must confirm, the other
/// side hears that it is its turn, from the firm `by_firm` (the acting firm's name).
pub fn on_step(
    exchange_id: i64,
    before: ExchangeStatus,
    after: ExchangeStatus,
    by: Actor,
    by_firm: &str,
) -> Vec<(Side, Notice)> {
    // "Not for us" on a bare suggestion is feedback for the ranking; the other side never
    // took part, so there is nothing to tell it.
    if before.stage == Stage::Proposed && after.stage == Stage::Declined {
        return Vec::new();
    }
    let became_interested = |side| match side {
        Side::Supplier => after.supplier_interested && !before.supplier_interested,
        Side::Receiver => after.receiver_interested && !before.receiver_interested,
    };
    let (recipients, interested) = match by {
        Actor::Party(Side::Supplier) => (vec![Side::Receiver], became_interested(Side::Supplier)),
        Actor::Party(Side::Receiver) => (vec![Side::Supplier], became_interested(Side::Receiver)),
        Actor::Coordinator => (vec![Side::Supplier, Side::Receiver], false),
    };
    let notice = if let Some(step) = your_turn(before, after, by) {
        Notice::YourTurn {
            exchange_id,
            step: step.to_string(),
            by_firm: by_firm.to_string(),
        }
    } else if interested {
        Notice::CounterpartInterested {
            exchange_id,
            introduced: after.stage == Stage::Introduced,
        }
    } else {
        Notice::ExchangeStep {
            exchange_id,
            new_state: after.stage.as_str().to_string(),
        }
    };
    recipients
        .into_iter()
        .map(|side| (side, notice.clone()))
        .collect()
}

/// The step the other side now has to confirm, when `by` just confirmed it first: the stage
/// stays and the confirmation waits (`agree`, `start`, `complete`).
fn your_turn(before: ExchangeStatus, after: ExchangeStatus, by: Actor) -> Option<&'static str> {
    let Actor::Party(side) = by else {
        return None;
    };
    if before.stage != after.stage || after.confirmed_by != Some(side) {
        return None;
    }
    match after.stage {
        Stage::Negotiating => Some("agree"),
        Stage::Agreed => Some("start"),
        Stage::Running => Some("complete"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::{Step, apply};

    const SUPPLIER: Actor = Actor::Party(Side::Supplier);
    const RECEIVER: Actor = Actor::Party(Side::Receiver);

    #[test]
    fn notices_round_trip_through_kind_and_params() {
        let notices = [
            Notice::NewMatch {
                own_flow: "N-1".into(),
                own_kind: FlowKind::Need,
                counterpart_flow: "O-7".into(),
                material: "02 03 04".into(),
                sector: Some('C'),
                municipality: "Weert".into(),
                euro_per_year: 1234.5,
            },
            Notice::CounterpartInterested {
                exchange_id: 3,
                introduced: false,
            },
            Notice::ExchangeStep {
                exchange_id: 3,
                new_state: "agreed".into(),
            },
            Notice::YourTurn {
                exchange_id: 3,
                step: "start".into(),
                by_firm: "Bakkerij <b>".into(),
            },
            Notice::NewMessage {
                exchange_id: 3,
                from: None,
                excerpt: None,
            },
            Notice::PartnershipInvitation {
                partnership_id: 5,
                kind: "joint-purchasing".into(),
            },
            Notice::SavedSearchFit {
                search_id: 2,
                search_name: "Koffiedik".into(),
                flow: "O-7".into(),
                flow_kind: FlowKind::Offer,
                material: "02 03 04".into(),
            },
        ];
        for notice in notices {
            let params = notice.params();
            assert!(!params.contains("\"kind\""), "{params}");
            assert_eq!(Notice::from_stored(notice.kind(), &params), Ok(notice));
        }
        assert!(Notice::from_stored("weather", "{}").is_err());
        assert!(Notice::from_stored("exchange-step", "[1]").is_err());
    }

    #[test]
    fn the_other_side_hears_that_one_side_is_interested() {
        let before = ExchangeStatus::proposed();
        let after = apply(before, &Step::Interested(Side::Supplier), SUPPLIER).unwrap();

        let told = on_step(9, before, after, SUPPLIER, "");

        assert_eq!(
            told,
            vec![(
                Side::Receiver,
                Notice::CounterpartInterested {
                    exchange_id: 9,
                    introduced: false
                }
            )]
        );
        let both = apply(after, &Step::Interested(Side::Receiver), RECEIVER).unwrap();
        assert_eq!(
            on_step(9, after, both, RECEIVER, ""),
            vec![(
                Side::Supplier,
                Notice::CounterpartInterested {
                    exchange_id: 9,
                    introduced: true
                }
            )]
        );
    }

    #[test]
    fn a_coordinators_step_reaches_both_parties_and_a_bare_decline_nobody() {
        let introduced = ExchangeStatus {
            stage: Stage::Introduced,
            supplier_interested: true,
            receiver_interested: true,
            confirmed_by: None,
        };
        let negotiating = apply(introduced, &Step::StartNegotiating, Actor::Coordinator).unwrap();

        let told = on_step(4, introduced, negotiating, Actor::Coordinator, "");

        let sides: Vec<Side> = told.iter().map(|(side, _)| *side).collect();
        assert_eq!(sides, vec![Side::Supplier, Side::Receiver]);
        assert_eq!(
            told[0].1,
            Notice::ExchangeStep {
                exchange_id: 4,
                new_state: "negotiating".into()
            }
        );
        let proposed = ExchangeStatus::proposed();
        let declined = apply(
            proposed,
            &Step::Decline {
                reason: "te ver".into(),
            },
            RECEIVER,
        )
        .unwrap();
        assert!(on_step(4, proposed, declined, RECEIVER, "").is_empty());
    }

    #[test]
    fn the_first_confirmation_tells_the_other_side_it_is_its_turn() {
        let negotiating = ExchangeStatus {
            stage: Stage::Negotiating,
            supplier_interested: true,
            receiver_interested: true,
            confirmed_by: None,
        };
        let first = apply(negotiating, &Step::Agree, RECEIVER).unwrap();

        assert_eq!(
            on_step(7, negotiating, first, RECEIVER, "Tuincentrum"),
            vec![(
                Side::Supplier,
                Notice::YourTurn {
                    exchange_id: 7,
                    step: "agree".into(),
                    by_firm: "Tuincentrum".into()
                }
            )]
        );
        let agreed = apply(first, &Step::Agree, SUPPLIER).unwrap();
        assert_eq!(
            on_step(7, first, agreed, SUPPLIER, "Branderij"),
            vec![(
                Side::Receiver,
                Notice::ExchangeStep {
                    exchange_id: 7,
                    new_state: "agreed".into()
                }
            )]
        );
    }
}
