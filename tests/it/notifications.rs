//! Notices: an exchange step tells the other firm (on its dashboard, in its language, and as
//! mail in the outbox), new matches reach the fitting firms anonymously, and a firm reads and
//! marks only its own notices.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use symbiose::app::notify::notify_new_matches;
use symbiose::domain::{Flow, FlowKind, Need, NeedDraft, Offer, OfferDraft};
use symbiose::storage::entities::{companies, users};
use symbiose::storage::{self, notifications::Which};

use crate::accounts::{csrf_of, saving_cookies};
use crate::common::{TestApp, today};

mod new_matches;

const ROASTER: &str = "Koffiebranderij De Boon";
const GROWER: &str = "Zwammerij Het Mycelium";

/// A signed-in firm: its browser (cookies kept), session token and database id.
struct Firm {
    server: TestServer,
    session: String,
    company: i64,
}

async fn firm(app: &TestApp, email: &str, name: &str, language: &str) -> Firm {
    let server = saving_cookies(app);
    let csrf = csrf_of(&server.get("/register").await.text());
    let response = server
        .post("/register")
        .form(&[
            ("csrf", csrf.as_str()),
            ("firm_name", name),
            ("municipality", "Weert"),
            ("employees", "12"),
            ("email", email),
            ("password", "koffiedik-2026"),
            ("password_confirm", "koffiedik-2026"),
            ("language", language),
        ])
        .await;
    response.assert_status(StatusCode::SEE_OTHER);
    let session = response.cookie("symbiose_session").value().to_string();
    let company = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .and_then(|user| user.company_id)
        .expect("a firm user");
    Firm {
        server,
        session,
        company,
    }
}

fn offer(id: &str, confidentiality: &str) -> Offer {
    let draft = OfferDraft {
        id: id.into(),
        firm: "self".into(),
        material: "02 03 04".into(),
        description: "Koffiedik".into(),
        quantity_per_year: 8.0,
        disposal_cost_eur_per_unit: 45.0,
        regularity: Some("recurring".into()),
        confidentiality: Some(confidentiality.into()),
        ..OfferDraft::default()
    };
    Offer::parse(draft, today()).expect("a valid offer")
}

fn need(id: &str) -> Need {
    let draft = NeedDraft {
        id: id.into(),
        firm: "self".into(),
        accepts: vec!["02 03 04".into()],
        description: "Substraat".into(),
        quantity_per_year: 20.0,
        virgin_price_eur_per_unit: 30.0,
        max_distance_km: 25.0,
        licensed_for_hazardous: Some(false),
        confidentiality: Some("anonymous".into()),
        ..NeedDraft::default()
    };
    Need::parse(draft, today()).expect("a valid need")
}

/// The roaster (offer `O-KOFFIE`) and the grower (need `N-SUBSTRAAT`), both signed in.
async fn pair(app: &TestApp) -> (Firm, Firm) {
    let roaster = firm(app, "info@deboon.nl", ROASTER, "nl").await;
    let grower = firm(app, "info@zwam.nl", GROWER, "nl").await;
    storage::flows::add_flow(
        &app.db,
        roaster.company,
        &Flow::Offer(offer("O-KOFFIE", "anonymous")),
    )
    .await
    .unwrap();
    storage::flows::add_flow(&app.db, grower.company, &Flow::Need(need("N-SUBSTRAAT")))
        .await
        .unwrap();
    app.app.snapshot.invalidate().await;
    (roaster, grower)
}

/// "Interested" on the pair by `firm`; returns the exchange's path.
async fn interested(firm: &Firm) -> String {
    let csrf = csrf_of(&firm.server.get("/dashboard").await.text());
    let response = firm
        .server
        .post("/exchanges")
        .form(&[
            ("csrf", csrf.as_str()),
            ("offer", "O-KOFFIE"),
            ("need", "N-SUBSTRAAT"),
        ])
        .await;
    response.assert_status(StatusCode::SEE_OTHER);
    response.header("location").to_str().unwrap().to_string()
}

/// The dashboard of a firm read by a browser that sends only the session and
/// `Accept-Language: en` (no language cookie).
async fn english_dashboard(app: &TestApp, firm: &Firm) -> String {
    let response = app
        .server()
        .get("/dashboard")
        .add_header("cookie", format!("symbiose_session={}", firm.session))
        .add_header("accept-language", "en")
        .await;
    response.assert_status_ok();
    response.text()
}

#[tokio::test]
async fn a_step_by_one_firm_reaches_the_other_firms_dashboard_in_its_language() {
    let app = TestApp::spawn().await;
    let (roaster, grower) = pair(&app).await;

    let path = interested(&roaster).await;

    let dutch = grower.server.get("/dashboard").await.text();
    assert!(
        dutch.contains("De andere partij heeft interesse"),
        "{dutch}"
    );
    assert!(dutch.contains(&format!("href=\"{path}\"")), "{dutch}");
    assert!(dutch.contains("1 nieuw bericht.") && dutch.contains("Alles gelezen"));
    assert!(dutch.contains("1 vraag") && dutch.contains("interesse van één kant: 1"));
    assert!(!dutch.contains(ROASTER), "the other firm stays anonymous");
    let own = roaster.server.get("/dashboard").await.text();
    assert!(own.contains("Er zijn nog geen berichten"), "{own}");
    let english = english_dashboard(&app, &grower).await;
    assert!(english.contains("<html lang=\"en\""));
    assert!(
        english.contains("The other party is interested"),
        "{english}"
    );
    assert!(english.contains("Mark all as read") && english.contains("1 need"));

    interested(&grower).await;

    let introduced = roaster.server.get("/dashboard").await.text();
    assert!(
        introduced.contains("U bent aan elkaar voorgesteld"),
        "{introduced}"
    );
    assert_eq!(
        storage::notifications::unread_count(&app.db, grower.company)
            .await
            .unwrap(),
        1,
        "the grower's own step tells the grower nothing"
    );
}

#[tokio::test]
async fn a_firm_marks_its_own_notices_read_and_no_other_firms() {
    let app = TestApp::spawn().await;
    let (roaster, grower) = pair(&app).await;
    interested(&roaster).await;
    let outsider = firm(&app, "info@concurrent.nl", "Concurrent", "nl").await;
    let notice = storage::notifications::for_company(&app.db, grower.company, 10)
        .await
        .unwrap()[0]
        .id
        .to_string();

    let csrf = csrf_of(&outsider.server.get("/dashboard").await.text());
    outsider
        .server
        .post("/dashboard/read")
        .form(&[("csrf", csrf.as_str()), ("id", notice.as_str())])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let unread = || storage::notifications::unread_count(&app.db, grower.company);
    assert_eq!(unread().await.unwrap(), 1);

    let csrf = csrf_of(&grower.server.get("/dashboard").await.text());
    let marked = grower
        .server
        .post("/dashboard/read")
        .form(&[("csrf", csrf.as_str()), ("id", notice.as_str())])
        .await;
    marked.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(marked.header("location"), "/dashboard");
    assert_eq!(unread().await.unwrap(), 0);
    let page = grower.server.get("/dashboard").await.text();
    assert!(page.contains("Geen nieuwe berichten.") && page.contains("De andere partij"));
    assert!(!page.contains("Alles gelezen"), "{page}");
    grower
        .server
        .post("/dashboard/read")
        .form(&[("csrf", csrf.as_str()), ("id", "elf")])
        .await
        .assert_status(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn mark_all_read_leaves_other_firms_notices_unread() {
    let app = TestApp::spawn().await;
    let (roaster, grower) = pair(&app).await;
    interested(&roaster).await;
    interested(&grower).await;

    let csrf = csrf_of(&grower.server.get("/dashboard").await.text());
    grower
        .server
        .post("/dashboard/read")
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let unread = |company| storage::notifications::unread_count(&app.db, company);
    assert_eq!(unread(grower.company).await.unwrap(), 0);
    assert_eq!(unread(roaster.company).await.unwrap(), 1);
    let marked = storage::notifications::mark_read(
        &app.db,
        roaster.company,
        Which::Ids(&[]),
        crate::common::now(),
    )
    .await
    .unwrap();
    assert_eq!(marked, Some(0), "no ids marks nothing");
}

#[tokio::test]
async fn every_user_of_the_told_firm_gets_a_mail_in_their_own_language() {
    let app = TestApp::spawn().await;
    let (roaster, grower) = pair(&app).await;
    users::Entity::insert(users::ActiveModel {
        id: NotSet,
        email: Set("planning@zwam.nl".into()),
        password_hash: Set("not used here".into()),
        role: Set("firm".into()),
        company_id: Set(Some(grower.company)),
        language: Set("en".into()),
        created_at: Set(crate::common::now()),
    })
    .exec(&app.db)
    .await
    .unwrap();

    interested(&roaster).await;

    let mails = storage::notifications::pending_mail(&app.db, 10)
        .await
        .unwrap();
    let to: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(to, ["info@zwam.nl", "planning@zwam.nl"]);
    assert_eq!(mails[0].subject, "De andere partij heeft interesse");
    assert!(
        mails[0]
            .body
            .contains("Bekijk het in Symbiose: {{site}}/exchanges/")
    );
    assert_eq!(mails[1].subject, "The other party is interested");
    assert!(
        mails[1]
            .body
            .contains("See it in Symbiose: {{site}}/exchanges/")
    );
    assert!(mails.iter().all(|m| !m.body.contains(ROASTER)));

    let ids: Vec<i64> = mails.iter().map(|m| m.id).collect();
    let now = crate::common::now();
    assert_eq!(
        storage::notifications::mark_sent(&app.db, &ids, now)
            .await
            .unwrap(),
        2
    );
    assert!(
        storage::notifications::pending_mail(&app.db, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_dashboard_needs_a_login_and_its_form_a_csrf_token() {
    let app = TestApp::spawn().await;
    let anonymous = app.server().get("/dashboard").await;
    anonymous.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(anonymous.header("location"), "/login");
    let (roaster, grower) = pair(&app).await;
    interested(&roaster).await;

    grower
        .server
        .post("/dashboard/read")
        .form(&[("id", "1")])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    grower
        .server
        .post("/dashboard/read")
        .form(&[("csrf", "0".repeat(64).as_str())])
        .await
        .assert_status(StatusCode::FORBIDDEN);

    assert_eq!(
        storage::notifications::unread_count(&app.db, grower.company)
            .await
            .unwrap(),
        1
    );
}
