use super::*;

/// A bakery in Weert, at the town's centre (it never set its own point).
fn bakery() -> Firm {
    Firm::parse(FirmDraft {
        id: "firm-bakkerij".into(),
        name: "Bakkerij Korenaar".into(),
        nace: None,
        employees: 12,
        address: None,
        municipality: "Weert".into(),
        lat: 51.2517,
        lon: 5.7069,
        country: None,
    })
    .expect("a valid firm")
}

/// The bakery's profile as its form shows it, with the point typed as stored.
fn draft() -> ProfileDraft {
    ProfileDraft {
        name: "Bakkerij Korenaar".into(),
        address: "Markt 1".into(),
        municipality: "Weert".into(),
        nace: "C10.71".into(),
        employees: Some(12),
        point: PointDraft::Typed {
            lat: Some(51.2517),
            lon: Some(5.7069),
        },
        language: "nl".into(),
        country: String::new(),
    }
}

#[test]
fn a_valid_profile_keeps_the_firms_id_and_takes_the_users_language() {
    let profile = check_profile(&draft(), &bakery()).expect("valid");
    assert_eq!(profile.firm.id().as_str(), "firm-bakkerij");
    assert_eq!(profile.firm.address(), "Markt 1");
    assert_eq!(profile.language, Language::Dutch);
}

#[test]
fn employees_run_from_one_to_the_domains_bound() {
    assert!(!employees_allowed(0));
    assert!(employees_allowed(1));
    assert!(employees_allowed(MAX_EMPLOYEES));
    assert!(!employees_allowed(MAX_EMPLOYEES + 1));
    let too_many = ProfileDraft {
        employees: Some(MAX_EMPLOYEES + 1),
        ..draft()
    };
    assert_eq!(
        check_profile(&too_many, &bakery()),
        Err(vec![ProfileProblem::Employees])
    );
}

#[test]
fn a_point_at_the_old_centre_follows_the_firm_to_its_new_municipality() {
    let moved = ProfileDraft {
        municipality: "Roermond".into(),
        ..draft()
    };
    let profile = check_profile(&moved, &bakery()).expect("valid");
    assert_eq!(profile.firm.location().lat(), 51.1942);
    assert_eq!(profile.firm.location().lon(), 5.9870);
}

#[test]
fn a_point_far_from_the_region_and_unknown_fields_are_each_refused() {
    let amsterdam = ProfileDraft {
        point: PointDraft::Typed {
            lat: Some(52.3676),
            lon: Some(4.9041),
        },
        municipality: "Utrecht".into(),
        language: "fr".into(),
        ..draft()
    };
    let problems = check_profile(&amsterdam, &bakery()).unwrap_err();
    assert!(problems.contains(&ProfileProblem::Municipality));
    assert!(problems.contains(&ProfileProblem::Language));
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, ProfileProblem::FarFromRegion { km } if *km > MAX_KM_FROM_REGION))
    );
}

#[test]
fn the_region_reaches_thirty_km_beyond_its_municipality_centres() {
    assert!(km_from_region(51.2517, 5.7069) < 0.001);
    // Eindhoven is some 25 km west of Cranendonck's centre; Amsterdam is far away.
    assert!(km_from_region(51.4416, 5.4697) < MAX_KM_FROM_REGION);
    assert!(km_from_region(52.3676, 4.9041) > MAX_KM_FROM_REGION);
}
