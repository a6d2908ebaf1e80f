//! A forgotten password, replaced through a mailed link: the roaster asks for a link on the
//! login page, the site sends the mail to the test's SMTP sink, the test follows the link in
//! the caught mail, chooses a new password and logs in with it.

use crate::journey::{self, ROASTER};
use crate::page::Page;
use crate::shots::Shots;
use crate::sink::{Caught, Sink};

/// The roaster's new password.
const NEW_PASSWORD: &str = "zilvervliesjes uit de branderij";

/// The whole path in the Dutch session; the English one (with `shots`) only takes pictures.
pub async fn run(page: &Page, sink: &Sink, shots: Option<&Shots>) {
    page.open("/").await;
    journey::register(page, &ROASTER, None).await;
    journey::log_out(page).await;

    ask_for_link(page, shots).await;
    let mail = mail_to(sink, ROASTER.email, 1).await;
    assert_eq!(
        mail.header("Subject").as_deref(),
        Some("Nieuw wachtwoord voor Symbiose")
    );
    choose_password(page, &mail, shots).await;

    page.click("a[href=\"/login\"]").await;
    page.type_into("form[action=\"/login\"] [name=email]", ROASTER.email)
        .await;
    page.type_into("form[action=\"/login\"] [name=password]", NEW_PASSWORD)
        .await;
    page.submit("/login").await;
    page.wait_for("/firm").await;
    assert!(
        page.source().await.contains(ROASTER.name),
        "signed in again"
    );
}

/// The same pages in another language, for pictures: a second link asked for and used.
pub async fn tour(page: &Page, sink: &Sink, shots: &Shots) {
    page.open("/login").await;
    ask_for_link(page, Some(shots)).await;
    let mail = mail_to(sink, ROASTER.email, 2).await;
    choose_password(page, &mail, Some(shots)).await;
}

/// From the login page's "forgot" link to the answer that a link was sent.
async fn ask_for_link(page: &Page, shots: Option<&Shots>) {
    page.click("a[href=\"/login\"]").await;
    page.click("a[href=\"/password/forgot\"]").await;
    page.wait_for("/password/forgot").await;
    page.type_into(
        "form[action=\"/password/forgot\"] [name=email]",
        ROASTER.email,
    )
    .await;
    if let Some(shots) = shots {
        shots.take(page, "password-forgot").await;
    }
    page.submit("/password/forgot").await;
    page.find("p.status").await;
    assert_eq!(page.count("form[action=\"/password/forgot\"]").await, 0);
    if let Some(shots) = shots {
        shots.take(page, "password-forgot-sent").await;
    }
}

/// The `count`-th mail the sink caught, which must be to `to`.
async fn mail_to(sink: &Sink, to: &str, count: usize) -> Caught {
    let caught = sink.wait_for(count).await;
    let mail = caught[count - 1].clone();
    assert_eq!(mail.to, vec![to.to_string()]);
    // MAIL_FROM unset: noreply at the public address's host.
    assert_eq!(mail.from, "noreply@127.0.0.1");
    mail
}

/// Follows the mail's link, chooses the new password and sees that it was saved.
async fn choose_password(page: &Page, mail: &Caught, shots: Option<&Shots>) {
    let link = mail
        .link_with("/password/reset?token=")
        .unwrap_or_else(|| panic!("a reset link in the mail:\n{}", mail.body));
    assert!(link.starts_with("http://127.0.0.1:"), "absolute: {link}");
    let path = &link[link.find("/password/reset").expect("the path")..];
    page.open(path).await;
    page.wait_for("/password/reset").await;
    let form = "form[action=\"/password/reset\"]";
    page.type_into(&format!("{form} [name=password]"), NEW_PASSWORD)
        .await;
    page.type_into(&format!("{form} [name=password_confirm]"), NEW_PASSWORD)
        .await;
    if let Some(shots) = shots {
        shots.take(page, "password-reset").await;
    }
    page.submit("/password/reset").await;
    page.find("p.status").await;
    assert_eq!(page.count(form).await, 0, "the password was saved");
    if let Some(shots) = shots {
        shots.take(page, "password-reset-done").await;
    }
}
