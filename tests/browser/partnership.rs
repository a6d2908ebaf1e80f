//! `/partnerships`: a partnership started from the first suggested cluster, a registered firm
//! invited into it, the firm accepting from its dashboard, the coordinator seeing it.

use crate::coordinator::{path_of, snap};
use crate::journey::Firm;
use crate::page::Page;
use crate::shots::Shots;

/// The member rows of a partnership's page, as a coordinator sees it.
const MEMBERS: &str = "table.partnership-members tbody tr";

/// Starts a partnership from the first cluster, whose firms are all invited, then invites
/// `firm` (which has an account) too; returns the partnership's path.
pub async fn start(page: &Page, firm: &Firm) -> String {
    page.click("a[href=\"/partnerships\"]").await;
    page.wait_for("/partnerships").await;
    let form = "article#cluster-1 form[action=\"/partnerships\"]";
    page.find(form).await;
    let cluster = page.count(&format!("{form} input[name=firm]")).await;
    assert!(
        cluster >= 2,
        "a cluster has two firms or more, has {cluster}"
    );
    let name = page
        .attr(&format!("{form} input[name=name]"), "value")
        .await;
    assert!(!name.trim().is_empty(), "the name is suggested");
    page.click(&format!("{form} button[type=submit]")).await;
    let partnership = page
        .wait_for_path("a partnership's page", |p| {
            p.strip_prefix("/partnerships/")
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        })
        .await;
    page.find(MEMBERS).await;
    assert_eq!(page.count(MEMBERS).await, cluster, "every firm invited");
    assert_eq!(page.count("span.badge.state.invited").await, cluster);

    invite(page, &partnership, firm).await;
    assert_eq!(page.count("span.badge.state.invited").await, cluster + 1);
    partnership
}

/// Chooses `firm` in the invitation form (its options read "name (municipality)").
async fn invite(page: &Page, partnership: &str, firm: &Firm) {
    let select = format!("form[action=\"{partnership}/invite\"] select#invite-firm");
    let label = format!("{} ({})", firm.name, firm.municipality);
    if let Err(e) = page.find(&select).await.select_by_label(&label).await {
        page.fail(&format!("choose {label:?} to invite: {e}")).await
    }
    let rows = page.count(MEMBERS).await;
    page.submit(&format!("{partnership}/invite")).await;
    page.find(&format!("{MEMBERS}:nth-child({})", rows + 1))
        .await;
}

/// The invited firm follows its dashboard's notice to the partnership and accepts.
pub async fn accept(page: &Page, partnership: &str) {
    page.click("a[href=\"/dashboard\"]").await;
    page.wait_for("/dashboard").await;
    let notice = format!("a[href=\"{partnership}\"]");
    assert_eq!(
        path_of(&page.attr(&notice, "href").await),
        partnership,
        "the dashboard tells of the invitation"
    );
    page.click(&notice).await;
    page.wait_for(partnership).await;
    let answer = format!("form[action=\"{partnership}/respond\"]");
    page.click(&format!("{answer} button[name=answer][value=accept]"))
        .await;
    // The firm's own entry among those taking part, and no question left.
    page.find("ul.partnership-firms > li > strong").await;
    assert_eq!(page.count(&answer).await, 0, "answered");
    assert_eq!(
        page.count(&format!("form[action=\"{partnership}/invite\"]"))
            .await,
        0,
        "a firm invites nobody"
    );
}

/// The coordinator sees the firm's acceptance among the members.
pub async fn check_accepted(page: &Page, partnership: &str, shots: Option<&Shots>) {
    page.click("a[href=\"/partnerships\"]").await;
    page.wait_for("/partnerships").await;
    let listed = format!("table.partnerships a[href=\"{partnership}\"]");
    page.find(&listed).await;
    snap(shots, page, "partnerships").await;
    page.click(&listed).await;
    page.wait_for(partnership).await;
    page.find(MEMBERS).await;
    assert_eq!(
        page.count("span.badge.state.accepted").await,
        1,
        "one firm accepted"
    );
    snap(shots, page, "partnership").await;
}
