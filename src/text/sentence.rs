//! Sentence boundaries inside one paragraph.

use std::ops::Range;

/// Splits one paragraph into sentences.
///
/// Returns byte ranges into `paragraph`, in order, not overlapping, each
/// trimmed of surrounding white space and never empty. Newlines inside the
/// paragraph count as white space.
pub fn split_sentences(paragraph: &str) -> Vec<Range<usize>> {
    // Placeholder splitter: break after . ! ? followed by space and a capital.
    let bytes = paragraph.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(|b| b.is_ascii_uppercase())
        {
            push_trimmed(paragraph, start..i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(paragraph, start..paragraph.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(r.start + lead..r.end - trail);
    }
}
