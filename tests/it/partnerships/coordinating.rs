//! The coordinator's work on a partnership: recording its activities and inviting more firms.

use axum::http::StatusCode;
use symbiose::domain::partnership::MemberState;

use super::{company, record, started};
use crate::accounts::csrf_of;

#[tokio::test]
async fn a_coordinator_records_activities_and_bad_ones_are_refused_next_to_their_fields() {
    let scene = started().await;
    let csrf = csrf_of(&scene.coordinator.get(&scene.path).await.text());
    let action = format!("{}/activities", scene.path);

    let refused = scene
        .coordinator
        .post(&action)
        .form(&[
            ("csrf", csrf.as_str()),
            ("day", "31-02-2026"),
            ("description", " "),
        ])
        .await;
    let first = scene
        .coordinator
        .post(&action)
        .form(&[
            ("csrf", csrf.as_str()),
            ("day", "2026-11-03"),
            (
                "description",
                "Offerte voor 2.000 pallets opgevraagd bij twee leveranciers",
            ),
        ])
        .await;
    let second = scene
        .coordinator
        .post(&action)
        .form(&[
            ("csrf", csrf.as_str()),
            ("day", "12-11-2026"),
            ("description", "Eerste gezamenlijke bestelling geplaatst"),
        ])
        .await;

    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let form = refused.text();
    assert!(form.contains("Datum: dit is geen datum"), "{form}");
    assert!(form.contains("Omschrijving: vul dit in."), "{form}");
    first.assert_status(StatusCode::SEE_OTHER);
    second.assert_status(StatusCode::SEE_OTHER);
    let partnership = record(&scene.app, scene.id).await;
    let described: Vec<&str> = partnership
        .activities
        .iter()
        .map(|a| a.description.as_str())
        .collect();
    assert_eq!(
        described,
        [
            "Eerste gezamenlijke bestelling geplaatst",
            "Offerte voor 2.000 pallets opgevraagd bij twee leveranciers"
        ]
    );
    let page = scene.coordinator.get(&scene.path).await.text();
    assert!(page.contains("Activiteiten (2)"), "{page}");
    assert!(
        page.contains("<time datetime=\"2026-11-12\">12 nov 2026</time>"),
        "{page}"
    );
    assert!(
        page.contains("Eerste gezamenlijke bestelling geplaatst"),
        "{page}"
    );
}

#[tokio::test]
async fn a_coordinator_invites_another_firm_once_and_is_told_when_it_is_invited_already() {
    let scene = started().await;
    let outsider = (1..=300)
        .map(|n| format!("F{n:03}"))
        .find(|key| !scene.firms.contains(key))
        .unwrap();
    let (outsider_id, _) = company(&scene.app, &outsider).await;
    let page = scene.coordinator.get(&scene.path).await.text();
    let csrf = csrf_of(&page);
    assert!(
        page.contains(&format!("<option value=\"{outsider}\"")),
        "{page}"
    );
    assert!(!page.contains(&format!("<option value=\"{}\"", scene.firms[0])));
    let action = format!("{}/invite", scene.path);
    let invite = |firm: String| {
        let csrf = csrf.clone();
        let coordinator = &scene.coordinator;
        let action = action.clone();
        async move {
            coordinator
                .post(&action)
                .form(&[("csrf", csrf.as_str()), ("firm", firm.as_str())])
                .await
        }
    };

    let first = invite(outsider.clone()).await;
    let again = invite(outsider.clone()).await;
    let unknown = invite("F999999".to_string()).await;
    let empty = invite(String::new()).await;

    first.assert_status(StatusCode::SEE_OTHER);
    again.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again
            .text()
            .contains("Bedrijf: dit bedrijf is al uitgenodigd en heeft nog niet geantwoord."),
    );
    unknown.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown
            .text()
            .contains("Bedrijf: er is geen bedrijf met nummer „F999999”.")
    );
    empty.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let partnership = record(&scene.app, scene.id).await;
    assert_eq!(partnership.members.len(), scene.firms.len() + 1);
    assert_eq!(
        partnership.state_of(outsider_id),
        Some(MemberState::Invited)
    );
}
