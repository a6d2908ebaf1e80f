//! An exchange is shown by its flows' descriptions and material label, never by the
//! internal keys of its offer and need.

use crate::flows::labels::{ids_in, visible_text};
use crate::impact::scene::{coordinator, scene};

#[tokio::test]
async fn the_exchange_page_and_list_name_the_flows_not_their_keys() {
    let scene = scene().await;
    let coordinator = coordinator(&scene.app).await;

    let pages = [
        scene.roaster.get(&scene.coffee).await.text(),
        scene.roaster.get("/exchanges").await.text(),
        coordinator.get(&scene.coffee).await.text(),
    ];

    for page in pages {
        let text = visible_text(&page);
        assert_eq!(ids_in(&text), Vec::<String>::new(), "{text}");
        assert!(
            text.contains("Koffiedik") && text.contains("Substraat"),
            "{text}"
        );
        assert!(text.contains("02 03 04"), "{text}");
    }
}
