//! The coordinator's region, written into storage before the browser starts: the demo region,
//! a coordinator's account (staff accounts are made by an administrator, never registered),
//! and one exchange whose two firms told the coordinator on the phone that they are
//! interested — the demo's firms have no accounts to say so themselves.

use chrono::Utc;
use sea_orm::DatabaseConnection;
use symbiose::domain::exchange::{ExchangeStatus, Stage};
use symbiose::domain::{Email, NewPassword, Region, Role};
use symbiose::storage::{self, exchanges::StepRecord};

/// The coordinator's e-mail address and password.
pub const EMAIL: &str = "regio@keyport.nl";
pub const PASSWORD: &str = "regio-keyport-2026";

/// What the browser finds in storage.
pub struct Prepared {
    /// `/exchanges/{id}` of the exchange both firms are interested in.
    pub introduced: String,
}

/// Loads the demo region as of today, creates the coordinator and the introduced exchange.
pub async fn prepare(db: &DatabaseConnection) -> Prepared {
    let now = Utc::now().naive_utc();
    symbiose::demo::load_demo(db, chrono::Local::now().date_naive())
        .await
        .expect("load the demo region");
    let password = NewPassword::parse(PASSWORD).expect("a valid password");
    let hash = symbiose::accounts::hash_password(&password).expect("hash the password");
    let email = Email::parse(EMAIL).expect("a valid address");
    let coordinator =
        storage::accounts::create_staff_user(db, &email, &hash, Role::Coordinator, now)
            .await
            .expect("create the coordinator");
    let region = storage::load_region(db).await.expect("load the region");
    let (offer, need) = fitting_pair(&region);
    let id = storage::exchanges::open(db, &offer, &need, now)
        .await
        .expect("open the exchange")
        .expect("both flows exist");
    let step = StepRecord {
        before: ExchangeStatus::proposed(),
        after: ExchangeStatus {
            stage: Stage::Introduced,
            supplier_interested: true,
            receiver_interested: true,
            confirmed_by: None,
        },
        step: "marked interested",
        note: "Beide bedrijven hebben telefonisch interesse getoond.",
        decline_reason: None,
        user_id: coordinator,
        at: now,
    };
    let saved = storage::exchanges::save_step(db, id, step)
        .await
        .expect("save the step");
    assert!(saved, "the exchange was introduced");
    Prepared {
        introduced: format!("/exchanges/{id}"),
    }
}

/// The first offer and need of different firms where the need accepts the offer's material
/// in the same unit: `(offer id, need id)`.
fn fitting_pair(region: &Region) -> (String, String) {
    for offer in &region.offers {
        let material = offer.material();
        let fits = region.needs.iter().find(|need| {
            need.firm() != offer.firm()
                && need.quantity().unit() == offer.quantity().unit()
                && need.accepts().iter().any(|a| a.covers(&material))
        });
        if let Some(need) = fits {
            return (offer.id().to_string(), need.id().to_string());
        }
    }
    panic!("the demo region has no offer that a need accepts");
}
