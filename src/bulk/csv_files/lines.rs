//! Line numbers as an editor or a spreadsheet shows them. The csv crate counts only `\n`, and
//! a record's position is where the reader stood after the previous record: in a file with
//! `\r\n` endings that is before the `\n`, so every record after the first was placed one line
//! too early (and in a file with `\r` endings, all on line 1); blank lines before a record were
//! not counted either. Here the record's first byte is found and the line breaks before it are
//! counted: `\r\n`, `\r` and `\n` each end one line, also inside quoted cells.

/// Counts lines up to the records of one file, which come in order.
pub(super) struct Lines<'a> {
    text: &'a [u8],
    /// Bytes before this offset have been counted …
    counted_to: usize,
    /// … and this is the line the offset is on.
    line: u64,
}

impl<'a> Lines<'a> {
    /// Lines of `text`, the bytes the CSV reader reads.
    pub(super) fn new(text: &'a [u8]) -> Lines<'a> {
        Lines {
            text,
            counted_to: 0,
            line: 1,
        }
    }

    /// The line on which the record the reader placed at byte `position` starts.
    pub(super) fn of_record(&mut self, position: u64) -> u64 {
        let mut start = usize::try_from(position)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // The rest of the previous line's end, and blank lines, which the reader skips.
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        for at in self.counted_to..start.max(self.counted_to) {
            let after_cr = at > 0 && self.text[at - 1] == b'\r';
            match self.text[at] {
                b'\r' => self.line += 1,
                b'\n' if !after_cr => self.line += 1,
                _ => {}
            }
        }
        self.counted_to = start.max(self.counted_to);
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_line_end_counts_once() {
        let text = b"a\r\nb\nc\rd\r\n\r\ne";
        let mut lines = Lines::new(text);

        assert_eq!(lines.of_record(0), 1);
        assert_eq!(lines.of_record(2), 2); // between \r and \n
        assert_eq!(lines.of_record(5), 3);
        assert_eq!(lines.of_record(7), 4);
        assert_eq!(lines.of_record(9), 6); // after a blank line
    }
}
