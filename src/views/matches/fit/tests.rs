use super::*;
use crate::domain::descriptors::{AbpCategory, Property};
use crate::matching::fit::Fit;

#[test]
fn the_fit_names_every_part_and_unknown_ones_say_so_in_both_languages() {
    let mut found = Fit::NEUTRAL;
    found.score = 0.75;
    found.class = Part {
        value: 1.0,
        known: true,
    };
    assert_eq!(
        fit(Lang::Dutch, &found),
        "technische fit 0,75: materiaalklasse 1, specificaties onbekend, omschrijving \
         onbekend, eerdere uitwisselingen onbekend"
    );
    found.second_pass = true;
    assert_eq!(
        fit(Lang::English, &found),
        "technical fit 0.75: material class 1, specifications unknown, description \
         unknown, earlier exchanges unknown; halved: the material already came out of \
         mechanical treatment and would go through it again"
    );
}

#[test]
fn a_notification_is_amber_with_its_lead_time_and_source() {
    let amber = Crossing {
        from: Country::DE,
        to: Country::NL,
        classification: Classification::Notification {
            cause: NotificationCause::Unlisted,
        },
    };
    let nl = crossing(Lang::Dutch, &amber);
    assert!(
        nl.starts_with(
            "over de grens van Duitsland naar Nederland: vooraf schriftelijke kennisgeving en \
             toestemming nodig (niet op de groene lijst): reken op ongeveer 30 dagen"
        ),
        "{nl}"
    );
    assert!(nl.contains("bron: Reg. (EU) 2024/1157"), "{nl}");
    let en = crossing(Lang::English, &amber);
    assert!(
        en.contains("allow about 30 days after a complete file"),
        "{en}"
    );
}

#[test]
fn every_reason_of_refusal_is_explained() {
    let abp = Infeasible::HardRule(Box::new(Infeasibility::AnimalByProductUnlicensed {
        category: AbpCategory::Three,
        inferred: false,
    }));
    let said = not_suggested(Lang::Dutch, &abp);
    assert!(said.starts_with("dierlijk bijproduct van categorie 3, en de ontvanger heeft er geen erkenning voor (bron: Reg. (EC) 1069/2009"), "{said}");
    let spec = Infeasible::HardRule(Box::new(Infeasibility::HardSpecViolated {
        property: Property::Moisture,
        value: 72.5,
        min: None,
        max: Some(60.0),
    }));
    assert_eq!(
        not_suggested(Lang::English, &spec),
        "moisture (%) is 72.5, outside the receiver's hard limits"
    );
    let border = Infeasible::DisposalAcrossBorder {
        from: Country::BE,
        to: Country::NL,
    };
    assert_eq!(
        not_suggested(Lang::Dutch, &border),
        "verwijdering over de grens van België naar Nederland wordt geweigerd"
    );
    assert_eq!(
        not_suggested(Lang::English, &Infeasible::SameFirm),
        "both flows are your own firm's"
    );
    assert_eq!(
        not_suggested(
            Lang::Dutch,
            &Infeasible::TooFar {
                road_km: 31.26,
                max_road_km: 25.0
            }
        ),
        "31,3 km over de weg, verder dan de 25 km die de ontvanger wil afleggen"
    );
}

#[test]
fn a_hidden_rule_names_the_readers_wish_but_not_the_offers_value() {
    let spec = Infeasibility::HardSpecViolated {
        property: Property::Moisture,
        value: 72.5,
        min: None,
        max: Some(60.0),
    };
    let said = not_suggested_hidden(Lang::Dutch, &spec);
    assert_eq!(
        said,
        "vochtgehalte (%) van dit aanbod valt buiten uw harde grenzen"
    );
    assert!(!said.contains("72"), "{said}");
    let class = Infeasibility::ClassNotAccepted {
        class: "food.coffee-grounds".into(),
    };
    let en = not_suggested_hidden(Lang::English, &class);
    assert!(!en.to_lowercase().contains("coffee"), "{en}");
}
