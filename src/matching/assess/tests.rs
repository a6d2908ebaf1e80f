//! Known answers of the rules beyond the code (issue #11): hard rules, the border and the fit,
//! as `check_pair`, suggestions and the plan's edges apply them.

use std::sync::Arc;

use super::*;
use crate::domain::cross_border::NotificationCause;
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields};
use crate::domain::hard_rules::Infeasibility;
use crate::domain::material_class::Taxonomy;
use crate::matching::candidates::{Rules, check_pair};
use crate::matching::fit::{self, MIN_FIT};
use crate::matching::index::SpatialIndex;
use crate::matching::instance::{NeedTraits, OfferTraits};
use crate::matching::loops::testkit::Builder;
use crate::matching::plan::candidate_edges;
use crate::matching::suggest::{FlowRef, Reason, suggest};

/// Gives offer `offer` a class, descriptors (form fields) and a description.
pub(super) fn describe_offer(
    instance: &mut Instance,
    offer: usize,
    class: Option<&str>,
    fields: OfferDescriptorFields,
    text: &str,
) {
    let o = &mut instance.offers[offer];
    let material = Material::parse(o.material.code()).unwrap();
    let class = class.map(|key| Taxonomy::get().class(key).expect("a class"));
    let descriptors = OfferDescriptors::parse(&fields).unwrap();
    o.traits = Some(Arc::new(OfferTraits {
        material,
        class,
        described: class.is_some() || descriptors != OfferDescriptors::default(),
        descriptors,
        text: fit::offer_text(text, class),
    }));
}

/// Gives need `need` descriptors (form fields) and a description.
pub(super) fn describe_need(
    instance: &mut Instance,
    need: usize,
    fields: NeedDescriptorFields,
    text: &str,
) {
    let descriptors = NeedDescriptors::parse(&fields).unwrap();
    let text = fit::need_text(text, &descriptors);
    let accepts = &instance.needs[need].accepts;
    instance.needs[need].traits = Some(Arc::new(NeedTraits::new(descriptors, text, accepts)));
}

fn accepting(classes: &str) -> NeedDescriptorFields {
    NeedDescriptorFields {
        accepted_classes: classes.into(),
        ..Default::default()
    }
}

/// A roaster's coffee grounds, a care kitchen taking only vegetable off-cuts and a biogas
/// plant taking coffee grounds, all three codes 02 03 04 within a few km.
fn roaster_kitchen_biogas() -> (Instance, usize, usize, usize) {
    let mut b = Builder::new();
    let (roaster, kitchen, biogas) = (b.firm(0.0, 0.0), b.firm(3.0, 0.0), b.firm(0.0, 4.0));
    let grounds = b.offer(roaster, "02 03 04", 120.0, 60.0);
    let care = b.need(kitchen, &["02 03 04"], 50.0, 700.0, 50.0);
    let digester = b.need(biogas, &["02 03 04"], 500.0, 20.0, 50.0);
    let mut instance = b.build();
    describe_offer(
        &mut instance,
        grounds,
        Some("food.coffee-grounds"),
        Default::default(),
        "koffiedik uit de branderij",
    );
    describe_need(
        &mut instance,
        care,
        NeedDescriptorFields {
            intended_use: "food".into(),
            ..accepting("food.vegetable-offcuts")
        },
        "verse groenteresten voor de zorgkeuken",
    );
    describe_need(
        &mut instance,
        digester,
        accepting("food.coffee-grounds"),
        "koffiedik voor vergisting",
    );
    (instance, grounds, care, digester)
}

#[test]
fn coffee_grounds_do_not_go_to_a_care_kitchen_taking_only_vegetable_off_cuts() {
    let (instance, grounds, care, digester) = roaster_kitchen_biogas();
    let refused = check_pair(&instance, grounds, care, Rules::default());
    assert_eq!(
        refused,
        Err(Infeasible::HardRule(Box::new(
            Infeasibility::ClassNotAccepted {
                class: "food.coffee-grounds".into()
            }
        )))
    );
    let index = SpatialIndex::build(&instance);
    let found = suggest(
        &instance,
        &index,
        FlowRef::Offer(&instance.offers[grounds]),
        Rules::default(),
        5,
    );
    // By benefit alone the kitchen (virgin €700/t) would come first; it is not suggested.
    let ids: Vec<usize> = found.iter().map(|s| s.counterpart).collect();
    assert_eq!(ids, [digester]);
    let fit = found[0].assessment.fit;
    assert_eq!(fit.class.value, 1.0);
    assert!(fit.text.known && fit.score > 0.7, "{fit:?}");
    assert!(found[0].reasons.contains(&Reason::Fit(fit)));
    let edges = candidate_edges(&instance, &index, Rules::default());
    assert_eq!(edges.len(), 1, "the plan sees only the digester");
}

#[test]
fn an_animal_by_product_needs_a_licensed_receiver() {
    let mut b = Builder::new();
    let (butcher, farm) = (b.firm(0.0, 0.0), b.firm(5.0, 0.0));
    let offcuts = b.offer(butcher, "02 02 03", 40.0, 80.0);
    let need = b.need(farm, &["02 02 03"], 40.0, 30.0, 50.0);
    let mut instance = b.build();
    let abp3 = OfferDescriptorFields {
        legal_status: "abp-3".into(),
        ..Default::default()
    };
    describe_offer(&mut instance, offcuts, None, abp3, "");
    describe_need(&mut instance, need, Default::default(), "");
    assert!(matches!(
        check_pair(&instance, offcuts, need, Rules::default()),
        Err(Infeasible::HardRule(rule)) if matches!(*rule, Infeasibility::AnimalByProductUnlicensed { .. })
    ));
    let licensed = NeedDescriptorFields {
        licences: "abp-3".into(),
        ..Default::default()
    };
    describe_need(&mut instance, need, licensed, "");
    assert!(check_pair(&instance, offcuts, need, Rules::default()).is_ok());
}

/// A Belgian (or German) supplier of waste 02 03 04 and a Dutch receiver `km` east.
fn across_border(from: Country, offer: OfferDescriptorFields, treatment: &str) -> Instance {
    let mut b = Builder::new();
    let (supplier, receiver) = (b.firm(0.0, 0.0), b.firm(8.0, 0.0));
    b.offer(supplier, "02 03 04", 100.0, 60.0);
    b.need(receiver, &["02 03 04"], 100.0, 20.0, 50.0);
    let mut instance = b.build();
    instance.firms[0].country = from;
    describe_offer(&mut instance, 0, None, offer, "");
    let fields = NeedDescriptorFields {
        treatment: treatment.into(),
        ..Default::default()
    };
    describe_need(&mut instance, 0, fields, "");
    instance
}

fn waste(form: &str) -> OfferDescriptorFields {
    OfferDescriptorFields {
        legal_status: "waste".into(),
        physical_form: form.into(),
        ..Default::default()
    }
}

#[test]
fn disposal_from_belgium_to_the_netherlands_is_refused() {
    let instance = across_border(Country::BE, waste("solid"), "D10");
    assert_eq!(
        check_pair(&instance, 0, 0, Rules::default()),
        Err(Infeasible::DisposalAcrossBorder {
            from: Country::BE,
            to: Country::NL
        })
    );
    let index = SpatialIndex::build(&instance);
    assert!(candidate_edges(&instance, &index, Rules::default()).is_empty());
}

#[test]
fn a_mixed_load_from_germany_is_amber_with_its_lead_time() {
    let instance = across_border(Country::DE, waste("mixed"), "R3");
    let index = SpatialIndex::build(&instance);
    let found = suggest(
        &instance,
        &index,
        FlowRef::Need(&instance.needs[0]),
        Rules::default(),
        5,
    );
    assert_eq!(found.len(), 1, "a notification is feasible");
    let crossing = found[0].assessment.crossing.expect("across the border");
    assert_eq!(
        crossing.classification,
        Classification::Notification {
            cause: NotificationCause::Mixed
        }
    );
    assert_eq!(crossing.classification.lead_time_days(), Some(30));
    assert!(found[0].reasons.contains(&Reason::CrossBorder(crossing)));
    // The same code as a clean solid load is green-listed: allowed, still said.
    let solid = across_border(Country::DE, waste("solid"), "R3");
    let pair = assess(
        &solid,
        &solid.offers[0],
        &solid.needs[0],
        Default::default(),
    );
    let classification = pair.unwrap().crossing.unwrap().classification;
    assert!(matches!(classification, Classification::GreenListed { .. }));
    assert_eq!(classification.lead_time_days(), None);
}

#[test]
fn a_code_only_pair_across_the_border_defaults_to_notification() {
    let mut b = Builder::new();
    let (supplier, receiver) = (b.firm(0.0, 0.0), b.firm(8.0, 0.0));
    b.offer(supplier, "02 03 04", 100.0, 60.0);
    b.need(receiver, &["02 03 04"], 100.0, 20.0, 50.0);
    let mut instance = b.build();
    instance.firms[0].country = Country::DE;
    let pair = assess(
        &instance,
        &instance.offers[0],
        &instance.needs[0],
        Default::default(),
    );
    let crossing = pair.unwrap().crossing.unwrap();
    assert_eq!(
        crossing.classification,
        Classification::Notification {
            cause: NotificationCause::StatusUnknown
        }
    );
    assert_eq!(crossing.classification.lead_time_days(), Some(30));
}

#[test]
fn the_best_fit_outranks_a_higher_benefit_and_a_poor_fit_is_left_out() {
    let mut b = Builder::new();
    let (roaster, a, c, d) = (
        b.firm(0.0, 0.0),
        b.firm(5.0, 0.0),
        b.firm(0.0, 5.0),
        b.firm(5.0, 5.0),
    );
    let grounds = b.offer(roaster, "02 03 04", 100.0, 50.0);
    let fitting = b.need(a, &["02 03 04"], 100.0, 40.0, 50.0);
    let richer = b.need(c, &["02 03 04"], 100.0, 60.0, 50.0);
    let too_wet = b.need(d, &["02 03 04"], 100.0, 90.0, 50.0);
    let mut instance = b.build();
    let wet = OfferDescriptorFields {
        properties: "moisture=55".into(),
        ..Default::default()
    };
    describe_offer(
        &mut instance,
        grounds,
        Some("food.coffee-grounds"),
        wet,
        "koffiedik",
    );
    describe_need(
        &mut instance,
        fitting,
        accepting("food.coffee-grounds"),
        "koffiedik",
    );
    let soft = |spec: &str| NeedDescriptorFields {
        specs: spec.into(),
        ..Default::default()
    };
    describe_need(&mut instance, richer, soft("moisture<=50 soft"), "");
    describe_need(
        &mut instance,
        too_wet,
        soft("moisture<=20 soft"),
        "droog meel",
    );
    let index = SpatialIndex::build(&instance);
    let found = suggest(
        &instance,
        &index,
        FlowRef::Offer(&instance.offers[grounds]),
        Rules::default(),
        5,
    );
    let ids: Vec<usize> = found.iter().map(|s| s.counterpart).collect();
    assert_eq!(
        ids,
        [fitting, richer],
        "fit × benefit, the poor fit left out"
    );
    assert!(found[1].economics.benefit_eur_per_year > found[0].economics.benefit_eur_per_year);
    assert!(matches!(
        check_pair(&instance, grounds, too_wet, Rules::default()),
        Err(Infeasible::LowFit(fit)) if fit.score < MIN_FIT
    ));
}

#[test]
fn a_code_only_pair_keeps_the_neutral_fit_and_its_reasons() {
    let (mut instance, grounds, _, digester) = roaster_kitchen_biogas();
    for o in &mut instance.offers {
        o.traits = None;
    }
    for n in &mut instance.needs {
        n.traits = None;
    }
    let pair = assess(
        &instance,
        &instance.offers[grounds],
        &instance.needs[digester],
        Default::default(),
    );
    assert_eq!(pair, Ok(Assessment::CODE_ONLY));
    let index = SpatialIndex::build(&instance);
    let found = suggest(
        &instance,
        &index,
        FlowRef::Offer(&instance.offers[grounds]),
        Rules::default(),
        5,
    );
    assert_eq!(found.len(), 2, "both needs accept the code");
    assert!(found.iter().all(|s| s.assessment == Assessment::CODE_ONLY));
    assert!(
        found.iter().all(|s| s.reasons.len() == 5),
        "no fit or border reason"
    );
}
