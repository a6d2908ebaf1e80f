use super::*;
use crate::domain::catalogue::Catalogue;

#[test]
fn the_shipped_taxonomy_is_valid_and_about_150_leaves_under_15_to_25_groups() {
    let taxonomy = Taxonomy::parse(CLASSES_CSV).expect("fixtures/material_classes.csv is valid");
    assert!(
        taxonomy.classes().len() >= 150,
        "{}",
        taxonomy.classes().len()
    );
    assert!((15..=25).contains(&taxonomy.groups().len()));
    for group in taxonomy.groups() {
        assert!(
            taxonomy.classes_in(&group.key).count() >= 2,
            "{} is thin",
            group.key
        );
    }
}

#[test]
fn every_ewc_code_of_the_taxonomy_is_in_the_list_of_waste() {
    let catalogue = Catalogue::get();
    for class in Taxonomy::get().classes() {
        for code in &class.codes {
            let digits: String = code.chars().filter(char::is_ascii_digit).collect();
            let is_resource = crate::domain::material::Resource::from_code(code).is_some();
            assert!(is_resource || catalogue.entry(&digits).is_some(), "{code}");
        }
    }
}

#[test]
fn every_label_is_present_in_dutch_english_and_german() {
    let taxonomy = Taxonomy::get();
    let labels = taxonomy
        .groups()
        .iter()
        .map(|g| &g.labels)
        .chain(taxonomy.classes().iter().map(|c| &c.labels));
    for labels in labels {
        assert!(!labels.nl.is_empty() && !labels.en.is_empty() && !labels.de.is_empty());
    }
}

#[test]
fn the_same_code_traps_hold_several_classes() {
    let taxonomy = Taxonomy::get();
    for code in ["02 03 04", "20 01 08", "19 12 12", "15 01 06", "02 01 03"] {
        assert!(taxonomy.classes_for_code(code).len() >= 3, "{code}");
    }
    let keys: Vec<&str> = taxonomy
        .classes_for_code("020304")
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    assert!(keys.contains(&"food.coffee-grounds") && keys.contains(&"food.vegetable-offcuts"));
}

#[test]
fn coffee_grounds_are_not_food_grade_and_vegetable_offcuts_may_be() {
    let taxonomy = Taxonomy::get();
    let coffee = taxonomy.class("food.coffee-grounds").unwrap();
    assert!(!coffee.food_grade_plausible);
    assert!(coffee.properties.contains(&Property::Moisture));
    assert!(coffee.has_code("02 03 04"));
    assert!(
        taxonomy
            .class("food.vegetable-offcuts")
            .unwrap()
            .food_grade_plausible
    );
    assert_eq!(coffee.group(), "food");
}

#[test]
fn resource_codes_find_their_heat_classes() {
    let classes = Taxonomy::get().classes_for_code("heat-medium");
    assert_eq!(classes.len(), 1);
    assert_eq!(classes[0].properties, vec![Property::Temperature]);
}

#[test]
fn class_keys_accept_leaves_and_groups_and_refuse_the_rest() {
    let coffee = Taxonomy::get().class("food.coffee-grounds").unwrap();
    assert!(ClassKey::parse("food").unwrap().covers(coffee));
    assert!(
        ClassKey::parse("Food.Coffee-Grounds")
            .unwrap()
            .covers(coffee)
    );
    assert!(!ClassKey::parse("metals").unwrap().covers(coffee));
    assert_eq!(
        ClassKey::parse("food.caviar").unwrap_err().field,
        "accepted_classes"
    );
}

#[test]
fn a_broken_file_reports_every_problem() {
    let text = "key,label_nl,label_en,label_de,codes,properties,legal_status,food_grade,form,sources\n\
                food,Voeding,Food,,,,,,,\n\
                food.x,X,X,X,99 99 99,colour,maybe,perhaps,plasma,\n\
                food.x,X,X,X,02 03 04,,,no,,EWC\n\
                other.y,Y,Y,Y,02 03 04,,,no,,EWC\n";
    let problems = Taxonomy::parse(text).unwrap_err();
    let all = problems.join("\n");
    for expected in [
        "label",
        "99 99 99",
        "colour",
        "maybe",
        "perhaps",
        "plasma",
        "no source",
    ] {
        assert!(all.contains(expected), "{expected} missing in {all}");
    }
    assert!(all.contains("duplicate key") && all.contains("group other is not defined"));
}
