//! EwcCode.

use super::*;

#[test]
fn an_ewc_code_is_read_in_its_usual_spellings() {
    for text in ["02 02 03", "020203", "02.02.03", " 02 02 03 "] {
        let code = EwcCode::parse(text).unwrap_or_else(|r| panic!("{text}: {r}"));

        assert_eq!(code.as_str(), "02 02 03");
        assert_eq!(code.digits(), "020203");
        assert!(!code.is_hazardous());
    }
}

#[test]
fn an_ewc_code_that_is_not_six_digits_is_refused() {
    for text in ["02 02", "02 02 033", "02 02 0X", "", "abcdef"] {
        let reason = EwcCode::parse(text).expect_err(text);

        assert!(
            reason.contains("is not a List-of-Waste code; write six digits"),
            "{text}: {reason}"
        );
    }
}

#[test]
fn an_unknown_ewc_code_is_refused() {
    let reason = EwcCode::parse("99 99 99").unwrap_err();

    assert!(
        reason.contains("\"99 99 99\" is not in the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn a_star_on_a_non_hazardous_code_is_refused() {
    let reason = EwcCode::parse("02 02 03*").unwrap_err();

    assert!(
        reason.contains("02 02 03 is not a hazardous code"),
        "{reason}"
    );
    assert!(reason.contains("remove the '*'"), "{reason}");
}

#[test]
fn a_hazardous_code_with_its_star_is_accepted() {
    let code = EwcCode::parse("13 02 05*").expect("valid hazardous code");

    assert_eq!(code.as_str(), "13 02 05*");
    assert!(code.is_hazardous());
}

#[test]
fn a_hazardous_code_without_its_star_is_accepted_and_written_with_it() {
    let code = EwcCode::parse("13 02 05").expect("the digits identify the entry");

    assert_eq!(code.as_str(), "13 02 05*");
    assert_eq!(code.to_string(), "13 02 05*");
    assert!(code.is_hazardous());
    assert_eq!(code, EwcCode::parse("130205*").unwrap());
}

#[test]
fn resource_codes_parse_as_resources() {
    for resource in Resource::ALL {
        assert_eq!(
            Material::parse(resource.code()),
            Ok(Material::Resource(resource))
        );
    }
    assert_eq!(
        Material::parse(" Heat-Low "),
        Ok(Material::Resource(Resource::HeatLow))
    );
}

#[test]
fn a_waste_code_parses_as_waste() {
    let parsed = material("17 05 04");

    assert!(matches!(parsed, Material::Waste(code) if code.as_str() == "17 05 04"));
    assert_eq!(parsed.code(), "17 05 04");
    assert!(!parsed.is_hazardous());
}

#[test]
fn an_unknown_resource_like_word_is_refused_with_the_list_of_resources() {
    let reason = Material::parse("heat-lukewarm").unwrap_err();

    assert!(
        reason.contains("\"heat-lukewarm\" is neither a List-of-Waste code nor one of"),
        "{reason}"
    );
    assert!(reason.contains("heat-low"), "{reason}");
    assert!(reason.contains("cooling-water"), "{reason}");
}

#[test]
fn an_unknown_numeric_material_is_refused_as_an_ewc_code() {
    let reason = Material::parse("99 99 99").unwrap_err();

    assert!(
        reason.contains("is not in the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn resources_declare_their_units() {
    assert_eq!(material("heat-low").units(), [Unit::MegawattHours]);
    assert_eq!(
        material("steam").units(),
        [Unit::MegawattHours, Unit::Tonnes]
    );
    assert_eq!(material("process-water").units(), [Unit::CubicMetres]);
    assert!(!material("02 02 03").units().contains(&Unit::MegawattHours));
}

#[test]
fn a_two_digit_entry_is_a_chapter() {
    let accepted = Accepted::parse("15").expect("chapter 15 exists");

    assert_eq!(accepted, Accepted::Chapter("15".into()));
    assert_eq!(accepted.to_code(), "15");
}

#[test]
fn a_four_digit_entry_is_a_sub_chapter() {
    let accepted = Accepted::parse("15 01").expect("sub-chapter 15 01 exists");

    assert_eq!(accepted, Accepted::SubChapter("1501".into()));
    assert_eq!(accepted.to_code(), "15 01");
    assert_eq!(Accepted::parse("1501"), Ok(accepted));
}

#[test]
fn an_unknown_chapter_is_refused() {
    let reason = Accepted::parse("42").unwrap_err();

    assert!(
        reason.contains("\"42\" is not a chapter of the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn an_unknown_sub_chapter_is_refused() {
    let reason = Accepted::parse("15 09").unwrap_err();

    assert!(
        reason.contains("\"15 09\" is not a sub-chapter of the European List of Waste"),
        "{reason}"
    );
}

#[test]
fn a_chapter_covers_every_code_that_starts_with_it() {
    let chapter = Accepted::parse("15").unwrap();

    assert!(chapter.covers(&material("15 01 01")));
    assert!(chapter.covers(&material("15 02 02*")));
    assert!(!chapter.covers(&material("02 02 03")));
    assert!(!chapter.covers(&material("heat-low")));
}

#[test]
fn a_sub_chapter_covers_only_its_own_codes() {
    let sub_chapter = Accepted::parse("15 01").unwrap();

    assert!(sub_chapter.covers(&material("15 01 01")));
    assert!(sub_chapter.covers(&material("15 01 10*")));
    assert!(!sub_chapter.covers(&material("15 02 02*")));
}

#[test]
fn an_exact_entry_covers_only_that_material() {
    let exact = Accepted::parse("02 02 03").unwrap();
    let resource = Accepted::parse("heat-low").unwrap();

    assert!(exact.covers(&material("020203")));
    assert!(!exact.covers(&material("02 02 04")));
    assert!(resource.covers(&material("heat-low")));
    assert!(!resource.covers(&material("heat-medium")));
}

#[test]
fn a_sub_chapter_with_hazardous_codes_may_be_hazardous() {
    assert!(Accepted::parse("15 01").unwrap().may_be_hazardous());
    assert!(!Accepted::parse("02 02").unwrap().may_be_hazardous());
    assert!(!Accepted::parse("heat-low").unwrap().may_be_hazardous());
}
