//! The firms' side of a partnership: the invitation on the dashboard and on `/partnerships`,
//! accepting and declining for themselves, seeing the names of those who take part once
//! taking part, and "not found" for everyone else.

use axum::http::StatusCode;
use axum_test::TestServer;
use symbiose::domain::partnership::MemberState;

use super::{Started, company, partnership_count, record, started};
use crate::accounts::csrf_of;
use crate::exchanges::{firm, in_english};
use crate::plan::demo_firm_user;

/// The name as a page writes it.
fn escaped(name: &str) -> String {
    maud::html! { (name) }.into_string()
}

/// Posts an answer as `firm`, with the token of its own page.
async fn answer(firm: &TestServer, scene: &Started, answer: &str) -> axum_test::TestResponse {
    let csrf = csrf_of(&firm.get("/partnerships").await.text());
    firm.post(&format!("{}/respond", scene.path))
        .form(&[("csrf", csrf.as_str()), ("answer", answer)])
        .await
}

async fn state(scene: &Started, key: &str) -> Option<MemberState> {
    let (id, _) = company(&scene.app, key).await;
    record(&scene.app, scene.id).await.state_of(id)
}

#[tokio::test]
async fn invited_firms_find_the_invitation_and_accept_or_decline_it_for_themselves() {
    let scene = started().await;
    let [a, b, c, d] = [0, 1, 2, 3].map(|k| scene.firms[k].clone());
    let names = [
        company(&scene.app, &a).await.1,
        company(&scene.app, &b).await.1,
        company(&scene.app, &c).await.1,
        company(&scene.app, &d).await.1,
    ];
    let (first, second, third, fourth) = (
        demo_firm_user(&scene.app, &a).await,
        demo_firm_user(&scene.app, &b).await,
        demo_firm_user(&scene.app, &c).await,
        demo_firm_user(&scene.app, &d).await,
    );
    let dashboard = first.get("/dashboard").await.text();
    let list = first.get("/partnerships").await.text();
    let invitation = first.get(&scene.path).await.text();
    assert!(
        dashboard.contains("Uitnodiging voor een partnerschap"),
        "{dashboard}"
    );
    assert!(
        dashboard.contains(&format!("href=\"{}\">Naar de uitnodiging", scene.path)),
        "{dashboard}"
    );
    assert!(list.contains("Samen pallets kopen"), "{list}");
    assert!(list.contains("Uitgenodigd"), "{list}");
    assert!(invitation.contains("U bent uitgenodigd"), "{invitation}");
    assert!(invitation.contains("Ja, wij doen mee"), "{invitation}");
    assert!(!invitation.contains(&escaped(&names[1])), "{invitation}");

    let accepted = answer(&first, &scene, "accept").await;
    let declined = answer(&second, &scene, "decline").await;
    answer(&third, &scene, "accept")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let twice = answer(&first, &scene, "decline").await;

    accepted.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(accepted.header("location"), scene.path.as_str());
    declined.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(declined.header("location"), "/partnerships?afgewezen=1");
    twice.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        twice
            .text()
            .contains("U heeft de uitnodiging al aangenomen."),
    );
    assert_eq!(state(&scene, &a).await, Some(MemberState::Accepted));
    assert_eq!(state(&scene, &b).await, Some(MemberState::Declined));
    assert_eq!(state(&scene, &c).await, Some(MemberState::Accepted));
    assert_eq!(state(&scene, &d).await, Some(MemberState::Invited));
    // A firm taking part sees the others taking part by name; those only invited or that
    // declined stay unnamed.
    let member_view = first.get(&scene.path).await.text();
    assert!(
        member_view.contains("Uw bedrijf doet mee sinds"),
        "{member_view}"
    );
    assert!(member_view.contains("Wie doen er mee (2)"), "{member_view}");
    assert!(member_view.contains(&escaped(&names[2])), "{member_view}");
    assert!(!member_view.contains(&escaped(&names[1])), "{member_view}");
    assert!(!member_view.contains(&escaped(&names[3])), "{member_view}");
    assert!(!member_view.contains("/invite"), "{member_view}");
    assert!(!member_view.contains("/activities"), "{member_view}");
    // A firm still invited sees who takes part only as sector and municipality.
    let invited_view = fourth.get(&scene.path).await.text();
    assert!(
        !invited_view.contains(&escaped(&names[0])),
        "{invited_view}"
    );
    assert!(
        !invited_view.contains(&escaped(&names[2])),
        "{invited_view}"
    );
    assert!(
        invited_view.contains("U ziet de namen van de deelnemers zodra u zelf meedoet."),
        "{invited_view}"
    );
    // The firm that declined is out: its list says so, the page is gone for it.
    let declined_list = second.get("/partnerships?afgewezen=1").await.text();
    assert!(
        declined_list.contains("U heeft de uitnodiging afgewezen."),
        "{declined_list}"
    );
    assert!(
        !declined_list.contains("Samen pallets kopen"),
        "{declined_list}"
    );
    second
        .get(&scene.path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let coordinators_view = scene.coordinator.get(&scene.path).await.text();
    assert!(
        coordinators_view.contains("2 doen mee · "),
        "{coordinators_view}"
    );
    assert!(
        coordinators_view.contains("Afgewezen"),
        "{coordinators_view}"
    );
}

#[tokio::test]
async fn a_firm_that_declined_answers_again_only_when_invited_again() {
    let scene = started().await;
    let key = scene.firms[0].clone();
    let firm = demo_firm_user(&scene.app, &key).await;
    answer(&firm, &scene, "decline")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let refused = answer(&firm, &scene, "accept").await;
    refused.assert_status(StatusCode::NOT_FOUND);
    assert_eq!(state(&scene, &key).await, Some(MemberState::Declined));
    let page = scene.coordinator.get(&scene.path).await.text();
    assert!(page.contains(&format!("<option value=\"{key}\"")), "{page}");

    scene
        .coordinator
        .post(&format!("{}/invite", scene.path))
        .form(&[("csrf", csrf_of(&page).as_str()), ("firm", key.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let list = firm.get("/partnerships").await.text();
    let accepted = answer(&firm, &scene, "accept").await;

    assert!(list.contains("Samen pallets kopen"), "{list}");
    accepted.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(state(&scene, &key).await, Some(MemberState::Accepted));
}

#[tokio::test]
async fn an_uninvited_firm_gets_not_found_and_no_firm_invites_or_records_activities() {
    let scene = started().await;
    let outsider = firm(&scene.app, "info@buiten.nl", "Buitenstaander BV").await;
    let member = demo_firm_user(&scene.app, &scene.firms[0]).await;
    let before = record(&scene.app, scene.id).await;
    let outsider_csrf = csrf_of(&outsider.get("/firm").await.text());
    let member_csrf = csrf_of(&member.get("/firm").await.text());

    let page = outsider.get(&scene.path).await;
    let respond = outsider
        .post(&format!("{}/respond", scene.path))
        .form(&[("csrf", outsider_csrf.as_str()), ("answer", "accept")])
        .await;
    let list = outsider.get("/partnerships").await.text();

    page.assert_status(StatusCode::NOT_FOUND);
    respond.assert_status(StatusCode::NOT_FOUND);
    assert!(!list.contains("Samen pallets kopen"), "{list}");
    assert!(list.contains("U bent nog niet uitgenodigd"), "{list}");
    let coordinator_forms = [
        (format!("{}/invite", scene.path), vec![("firm", "F001")]),
        (
            format!("{}/activities", scene.path),
            vec![("day", "2026-11-03"), ("description", "Door een bedrijf")],
        ),
        (
            "/partnerships".to_string(),
            vec![
                ("kind", "training"),
                ("name", "Eigen clubje"),
                ("firm", "F001"),
            ],
        ),
    ];
    for (action, fields) in coordinator_forms {
        let mut with_token = vec![("csrf", member_csrf.as_str())];
        with_token.extend(fields);
        let status = member.post(&action).form(&with_token).await.status_code();
        assert_eq!(status, StatusCode::NOT_FOUND, "POST {action} by a firm");
    }
    assert!(
        !member
            .get("/partnerships")
            .await
            .text()
            .contains("Voorgestelde clusters")
    );
    assert_eq!(record(&scene.app, scene.id).await, before);
    assert_eq!(partnership_count(&scene.app).await, 1);
}

#[tokio::test]
async fn a_coordinator_cannot_answer_for_a_firm_and_a_firm_needs_its_token() {
    let scene = started().await;
    let key = scene.firms[0].clone();
    let member = demo_firm_user(&scene.app, &key).await;
    let csrf = csrf_of(&scene.coordinator.get(&scene.path).await.text());

    let for_the_firm = scene
        .coordinator
        .post(&format!("{}/respond", scene.path))
        .form(&[("csrf", csrf.as_str()), ("answer", "accept")])
        .await;
    let without_token = member
        .post(&format!("{}/respond", scene.path))
        .form(&[("answer", "accept")])
        .await;
    let nonsense = answer(&member, &scene, "maybe").await;

    for_the_firm.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        for_the_firm.text().contains(
            "Alleen het uitgenodigde bedrijf zelf kan de uitnodiging aannemen of afwijzen."
        )
    );
    without_token.assert_status(StatusCode::FORBIDDEN);
    nonsense.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(state(&scene, &key).await, Some(MemberState::Invited));
}

#[tokio::test]
async fn a_firms_invitation_and_partnership_pages_answer_in_english() {
    let scene = started().await;
    let member = demo_firm_user(&scene.app, &scene.firms[0]).await;

    let dashboard = in_english(member.get("/dashboard")).await.text();
    let list = in_english(member.get("/partnerships")).await.text();
    let page = in_english(member.get(&scene.path)).await.text();

    assert!(
        dashboard.contains("Invitation to a partnership"),
        "{dashboard}"
    );
    assert!(dashboard.contains("buying together"), "{dashboard}");
    assert!(dashboard.contains("See the invitation"), "{dashboard}");
    assert!(list.contains("Joint purchasing"), "{list}");
    assert!(list.contains("Invited"), "{list}");
    assert!(page.contains("You are invited"), "{page}");
    assert!(page.contains("Yes, we take part"), "{page}");
    assert!(page.contains("No, thank you"), "{page}");
    assert!(!page.contains("Uitgenodigd"), "{page}");
}
