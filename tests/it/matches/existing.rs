//! A pair that already has an exchange is not offered "interested" again: the matches page
//! links to its exchange and names its stage.

use crate::common::TestApp;
use crate::exchanges::{in_english, interested, pair};

#[tokio::test]
async fn a_pair_with_an_exchange_links_to_it_instead_of_offering_interested() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let pair_field = format!("name=\"need\" value=\"{need}\"");
    assert!(roaster.get("/matches").await.text().contains(&pair_field));

    let path = interested(&roaster, &offer, &need).await;

    for side in [&roaster, &grower] {
        let page = side.get("/matches").await.text();
        assert!(
            !page.contains(&pair_field),
            "no second 'interested': {page}"
        );
        assert!(page.contains(&format!("href=\"{path}\"")), "{page}");
        assert!(
            page.contains("Hiervoor loopt al een uitwisseling: interesse van één kant."),
            "{page}"
        );
    }
    let english = in_english(grower.get("/matches")).await.text();
    assert!(
        english.contains("There is already an exchange for this:"),
        "{english}"
    );
}
