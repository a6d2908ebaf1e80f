//! Links in mail. A mail is rendered when its notice is stored, but the site's public address
//! is only known to the sender (`PUBLIC_URL`): links are stored as [`SITE`] followed by the
//! path, and [`absolute`] puts the address in when the mail is sent.

/// Stands for the site's public address in a stored mail body.
pub const SITE: &str = "{{site}}";

/// A link to `path` (starting with `/`) on the site, as stored in a mail body.
pub fn site_link(path: &str) -> String {
    format!("{SITE}{path}")
}

/// The body with every stored link made absolute on `public_url` (with or without a
/// trailing slash).
pub fn absolute(body: &str, public_url: &str) -> String {
    body.replace(SITE, public_url.trim_end_matches('/'))
}

/// Text a user typed, made safe to put in a stored mail body: a [`SITE`] in it stays as
/// typed instead of becoming the site's address when the mail is sent.
pub fn inert(text: &str) -> String {
    text.replace(SITE, "{ {site} }")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_typed_by_a_user_is_not_made_a_link() {
        let typed = inert("zie {{site}}/x");
        assert_eq!(absolute(&typed, "https://s.nl"), "zie { {site} }/x");
    }

    #[test]
    fn stored_links_become_absolute_on_the_public_address() {
        let body = format!(
            "Zie {} en {}.",
            site_link("/exchanges/12"),
            site_link("/dashboard")
        );
        assert_eq!(
            absolute(&body, "https://symbiose.keyport.nl/"),
            "Zie https://symbiose.keyport.nl/exchanges/12 en https://symbiose.keyport.nl/dashboard."
        );
    }
}
