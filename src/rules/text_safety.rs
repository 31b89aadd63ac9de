//! Characters that change what a person sees rather than what is written, and how to keep them
//! inert.
//!
//! Two kinds matter here:
//!
//! - **bidi controls** (U+202E RIGHT-TO-LEFT OVERRIDE and friends) reorder the text around them
//!   when it is shown or printed: `大原\u{202E}1234` displays as 「大原4321」. A file or a form must
//!   not be able to make an address, a name or a contract label read differently from what it
//!   holds, so these are refused in every text field ([`has_bidi_control`]);
//! - **terminal controls** (C0 such as ESC, DEL, C1) can move the cursor, recolour or rewrite
//!   lines in a terminal: a file could paint a fake 「eligible」 line in a staff member's terminal.
//!   Everything the command-line tool prints goes through [`escape_controls`], which writes them
//!   (and the bidi controls) as visible `\u001b`-style escapes.

/// Whether `c` is a Unicode bidirectional formatting character: U+061C ARABIC LETTER MARK,
/// U+200E/U+200F (LRM, RLM), U+202A–U+202E (embeddings and overrides) and U+2066–U+2069
/// (isolates).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `s` holds a bidi control (see [`is_bidi_control`]). For the UI, to warn while typing;
/// the engine refuses such text in files and forms.
pub fn has_bidi_control(s: &str) -> bool {
    s.chars().any(is_bidi_control)
}

/// Whether `c` must not reach a terminal as it is: C0 controls (U+0000–U+001F, newline and tab
/// included), DEL (U+007F), C1 controls (U+0080–U+009F), the bidi controls, and U+2028/U+2029
/// (line and paragraph separators, which some viewers break lines on).
pub fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `s` with every character of [`is_unsafe_for_terminal`] written as a visible escape: ESC as
/// `\u001b`, U+202E as `\u202e`, a newline as `\u000a`. Other text is kept as it is.
///
/// The escape is also valid JSON. Inside strings serde_json writes only DEL, C1 and the Unicode
/// controls raw (legal in JSON), and its pretty output has raw newlines only between values: so
/// applying this to each line of serde_json's output gives the same JSON value, with nothing left
/// that a terminal would act on.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe_for_terminal(c) {
            // Every such character is in the Basic Multilingual Plane: four hex digits suffice.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` isolated for display inside other text (U+2068 FIRST STRONG ISOLATE … U+2069 POP
/// DIRECTIONAL ISOLATE, what HTML's `<bdi>` does): a name in Arabic or Hebrew script, or any text
/// whose direction differs, cannot reorder the words around it. Bidi controls inside are shown as
/// escapes, so the isolate cannot be closed from inside.
pub fn isolate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 6);
    out.push('\u{2068}');
    for c in s.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\u{2069}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_the_listed_ones() {
        let listed = [
            0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
            0x2069,
        ];
        for cp in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(is_bidi_control(c), listed.contains(&cp), "U+{cp:04X}");
        }
        assert!(has_bidi_control("大原\u{202E}1234"));
        assert!(!has_bidi_control("千葉県いすみ市大原1234"));
    }

    #[test]
    fn escapes_controls_and_keeps_the_rest() {
        assert_eq!(
            escape_controls("\u{1b}[32meligible\u{1b}[0m"),
            "\\u001b[32meligible\\u001b[0m"
        );
        assert_eq!(escape_controls("大原\u{202E}1234"), "大原\\u202e1234");
        assert_eq!(
            escape_controls("a\nb\tc\u{7f}\u{85}\u{9b}\u{2028}"),
            "a\\u000ab\\u0009c\\u007f\\u0085\\u009b\\u2028"
        );
        assert_eq!(
            escape_controls("¥30,000 いすみ市 \\u"),
            "¥30,000 いすみ市 \\u"
        );
        // Nothing unsafe is left, whatever the input.
        let all: String = (0..0x3000_u32).filter_map(char::from_u32).collect();
        assert!(!escape_controls(&all).chars().any(is_unsafe_for_terminal));
    }

    #[test]
    fn escaped_json_is_the_same_json() {
        let v = serde_json::json!({ "label": "A\u{1b}\u{7f}\u{85}\u{202E}\u{2029}B" });
        let json = serde_json::to_string_pretty(&v).unwrap();
        let lines: Vec<String> = json.split('\n').map(escape_controls).collect();
        assert!(lines.iter().all(|l| !l.chars().any(is_unsafe_for_terminal)));
        let back: serde_json::Value = serde_json::from_str(&lines.join("\n")).unwrap();
        assert_eq!(back, v);
    }
}
