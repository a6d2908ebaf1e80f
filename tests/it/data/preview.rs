//! Previews of large uploads: the files are kept byte for byte (in chunks) until confirmed or
//! cancelled, the page counts every record but lists the first rows, and a file with more
//! problems than anyone reads lists the first thousand and counts them all.

use axum::http::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use symbiose::storage::{self, entities::import_preview_chunks};

use super::{COMPANIES, coordinator, post_with_csrf, preview_of, upload};
use crate::common::TestApp;

async fn stored_chunks(app: &TestApp) -> u64 {
    import_preview_chunks::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

/// Offers of firm F1 with CRLF line ends and text outside ASCII, `rows` of them.
fn offers_crlf(rows: usize) -> String {
    let mut csv = String::from(
        "id,company,material,description,quantity_per_year,disposal_cost_eur_per_unit\r\n",
    );
    for k in 0..rows {
        csv.push_str(&format!(
            "O{k},F1,02 03 04,\"Koffiedik – partij {k}, gedroogd in de oven van de branderij\",{},45\r\n",
            1 + k % 90
        ));
    }
    csv
}

#[tokio::test]
async fn a_file_of_several_megabytes_is_kept_byte_for_byte_until_confirmed() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let offers = offers_crlf(30_000);
    assert!(
        offers.len() > 2 * 1024 * 1024,
        "spans several stored chunks"
    );

    let preview = preview_of(
        &coordinator,
        &[("companies.csv", COMPANIES), ("offers.csv", &offers)],
    )
    .await;
    let page = coordinator.get(&preview).await;

    page.assert_status_ok();
    let html = page.text();
    assert!(
        html.contains("<strong>30.000</strong> reststromen"),
        "{html}"
    );
    assert!(html.contains("Koffiedik – partij 9, gedroogd"));
    assert!(
        !html.contains("Koffiedik – partij 10,"),
        "only the first rows"
    );
    assert!(html.contains("… en nog 29.990 regels."));
    assert!(stored_chunks(&app).await >= 3);

    post_with_csrf(&coordinator, &preview, &format!("{preview}/confirm"))
        .await
        .assert_status_ok();

    let region = storage::load_region(&app.db).await.unwrap();
    assert_eq!(region.offers.len(), 30_000);
    assert_eq!(
        region.offers[29_999].description(),
        "Koffiedik – partij 29999, gedroogd in de oven van de branderij"
    );
    assert_eq!(
        stored_chunks(&app).await,
        0,
        "the confirmed files are removed"
    );
}

#[tokio::test]
async fn a_cancelled_preview_leaves_no_stored_file_behind() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let preview = preview_of(&coordinator, &[("companies.csv", COMPANIES)]).await;
    assert_eq!(stored_chunks(&app).await, 1);

    post_with_csrf(&coordinator, &preview, &format!("{preview}/cancel"))
        .await
        .assert_status(StatusCode::SEE_OTHER);

    assert_eq!(stored_chunks(&app).await, 0);
}

#[tokio::test]
async fn flows_of_firms_in_the_database_are_counted_where_those_firms_sit() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let firms = preview_of(&coordinator, &[("companies.csv", COMPANIES)]).await;
    post_with_csrf(&coordinator, &firms, &format!("{firms}/confirm"))
        .await
        .assert_status_ok();
    let offers = "id,company,material,quantity_per_year,disposal_cost_eur_per_unit\n\
        O1,F1,02 03 04,40,45\n\
        O2,F2,02 03 04,5,10\n\
        O3,F2,02 01 03,5,10\n";

    let preview = preview_of(&coordinator, &[("offers.csv", offers)]).await;
    let html = coordinator.get(&preview).await.text();

    let rows: Vec<String> = html
        .split("<tr>")
        .filter(|row| row.contains("<th scope=\"row\">"))
        .map(|row| row.split("</tr>").next().unwrap().to_string())
        .collect();
    let row_of = |name: &str| {
        rows.iter()
            .find(|row| row.contains(&format!(">{name}</th>")))
            .unwrap_or_else(|| panic!("no row for {name} in {rows:#?}"))
            .clone()
    };
    assert_eq!(
        row_of("Weert"),
        "<th scope=\"row\">Weert</th><td>0</td><td>1</td><td>0</td>"
    );
    assert_eq!(
        row_of("Nederweert"),
        "<th scope=\"row\">Nederweert</th><td>0</td><td>2</td><td>0</td>"
    );
}

#[tokio::test]
async fn an_upload_with_thousands_of_problems_counts_them_all_and_lists_the_first_thousand() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let mut offers =
        String::from("id,company,material,quantity_per_year,disposal_cost_eur_per_unit\n");
    for k in 0..1500 {
        offers.push_str(&format!("O{k},F1,99 99 99,5,10\n"));
    }

    let response = upload(
        &coordinator,
        &[("companies.csv", COMPANIES), ("offers.csv", &offers)],
    )
    .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text();
    assert!(html.contains("1.500 problemen gevonden; er is niets opgeslagen."));
    assert!(html.contains("Alleen de eerste 1.000 staan hieronder"));
    let listed: Vec<&str> = html
        .split("<td class=\"place\">")
        .skip(1)
        .map(|cell| cell.split('<').next().unwrap())
        .collect();
    assert_eq!(listed.len(), 1000);
    assert_eq!((listed[0], listed[999]), ("2", "1001"), "the first lines");
}
