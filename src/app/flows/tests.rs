use chrono::NaiveDate;

use super::*;
use crate::domain::{NeedDraft, OfferDraft, Regularity};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
}

fn offer_draft() -> OfferDraft {
    OfferDraft {
        firm: "self".into(),
        material: "02 03 04".into(),
        description: "Koffiedik".into(),
        quantity_per_year: 8.0,
        disposal_cost_eur_per_unit: 45.0,
        ..OfferDraft::default()
    }
}

fn need_draft() -> NeedDraft {
    NeedDraft {
        firm: "self".into(),
        accepts: vec!["02 03 04".into()],
        description: "Substraat".into(),
        quantity_per_year: 20.0,
        virgin_price_eur_per_unit: 30.0,
        max_distance_km: 25.0,
        ..NeedDraft::default()
    }
}

/// A flow as stored: the draft with an id, parsed.
fn stored(mut draft: FlowDraft) -> Flow {
    draft.set_id(new_id(draft.kind()));
    draft.parse(today()).expect("a valid flow")
}

#[test]
fn new_ids_name_their_kind_and_differ() {
    let (offer, need) = (new_id(FlowKind::Offer), new_id(FlowKind::Need));
    assert!(offer.starts_with("O-") && offer.len() == 14, "{offer}");
    assert!(need.starts_with("N-"));
    assert_ne!(new_id(FlowKind::Offer), offer);
}

#[test]
fn a_changed_offer_takes_its_availability_from_the_form_which_shows_it() {
    let imported = stored(FlowDraft::Offer(OfferDraft {
        available_from: Some("2027-01-01".into()),
        available_until: Some("2027-06-30".into()),
        ..offer_draft()
    }));
    // The form shows both dates: a firm that clears them means "available now, no end".
    let mut changed = FlowDraft::Offer(offer_draft());
    keep_unshown(&mut changed, &imported);
    changed.set_id("O-1".into());
    let Ok(Flow::Offer(offer)) = changed.parse(today()) else {
        panic!("a valid offer");
    };
    assert_eq!(offer.available_from(), None);
    assert_eq!(offer.available_until(), None);
}

#[test]
fn a_changed_need_keeps_its_regularity_which_its_form_does_not_show() {
    let one_off = stored(FlowDraft::Need(NeedDraft {
        regularity: Some("one-off".into()),
        ..need_draft()
    }));
    let mut changed = FlowDraft::Need(need_draft());
    keep_unshown(&mut changed, &one_off);
    changed.set_id("N-1".into());
    let flow = changed.parse(today()).expect("a valid need");
    assert_eq!(flow.basics().regularity(), Regularity::OneOff);
}

#[tokio::test]
async fn a_checked_draft_gets_a_fresh_id_and_is_confirmed_today() {
    // `check` reads nothing from the database: an empty one will do.
    let db = crate::storage::connect("sqlite::memory:").await.unwrap();
    let clock = std::sync::Arc::new(crate::app::clock::FixedClock::on(today()));
    let app = App::with_clock(db, clock);
    let flow = check(&app, FlowDraft::Offer(offer_draft())).expect("a valid offer");
    assert!(flow.basics().id().as_str().starts_with("O-"));
    assert_eq!(flow.basics().last_confirmed(), today());
    let no_material = NeedDraft {
        accepts: Vec::new(),
        ..need_draft()
    };
    let problems = check(&app, FlowDraft::Need(no_material)).unwrap_err();
    assert!(problems.0.iter().any(|p| p.field == "accepts"));
}
