//! Reading the fields of a page's query string (`?year=2026`), which arrive as typed.

/// A field's value without the spaces around it; `None` when absent or blank, as a form
/// sends a field left empty.
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_fields_count_as_absent_and_others_lose_their_spaces() {
        assert_eq!(given(&None), None);
        assert_eq!(given(&Some("  ".into())), None);
        assert_eq!(given(&Some(" Weert ".into())).as_deref(), Some("Weert"));
    }
}
