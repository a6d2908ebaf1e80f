//! A message inside an exchange: plain text, kept as typed (line breaks too), neither empty
//! nor longer than [`MAX_MESSAGE_CHARS`].

/// The longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 4000;

/// Why a message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MessageRefused {
    #[error("a message needs some text")]
    Empty,
    #[error("a message is at most {max} characters")]
    TooLong { max: usize },
}

/// The text of a message as it is stored: line endings as `\n`, surrounding blank space
/// dropped (inner line breaks kept), or why it is refused.
pub fn message_text(typed: &str) -> Result<String, MessageRefused> {
    // Browsers send `\r\n`; counting those twice would refuse a message the user saw fit.
    let text = typed.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(MessageRefused::Empty);
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(MessageRefused::TooLong {
            max: MAX_MESSAGE_CHARS,
        });
    }
    Ok(text.to_string())
}

/// How many characters of a message a notice mail quotes.
pub const MAIL_EXCERPT_CHARS: usize = 500;

/// The start of a message as a mail quotes it: whole up to [`MAIL_EXCERPT_CHARS`]
/// characters, else cut there (trailing blank space dropped) and ended with "…".
pub fn mail_excerpt(text: &str) -> String {
    if text.chars().count() <= MAIL_EXCERPT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAIL_EXCERPT_CHARS).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_quotes_a_short_message_whole_and_cuts_a_long_one_with_an_ellipsis() {
        assert_eq!(mail_excerpt("Dinsdag om 10 uur?"), "Dinsdag om 10 uur?");
        let exact = "é".repeat(MAIL_EXCERPT_CHARS);
        assert_eq!(mail_excerpt(&exact), exact);
        let long = format!("{}{}", "a".repeat(MAIL_EXCERPT_CHARS - 1), " bbb");
        assert_eq!(
            mail_excerpt(&long),
            format!("{}…", "a".repeat(MAIL_EXCERPT_CHARS - 1))
        );
    }

    #[test]
    fn a_message_keeps_its_lines_and_refuses_empty_or_too_long_text() {
        assert_eq!(
            message_text("  Hallo,\r\n\r\nDinsdag?  \n"),
            Ok("Hallo,\n\nDinsdag?".to_string())
        );
        assert_eq!(message_text(" \n\t "), Err(MessageRefused::Empty));
        let longest = "é".repeat(MAX_MESSAGE_CHARS);
        assert_eq!(message_text(&longest), Ok(longest.clone()));
        assert_eq!(
            message_text(&format!("{longest}x")),
            Err(MessageRefused::TooLong {
                max: MAX_MESSAGE_CHARS
            })
        );
    }
}
