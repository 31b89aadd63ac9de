//! A QR code as a small SVG, for the printed application: the desk scans it to get the
//! application's data without retyping.
//!
//! The code is encoded by the `qrcode` crate (without its `image`/`svg` features: we only need the
//! module matrix) and drawn here as one `<path>`: one sub-path per horizontal run of dark modules,
//! which is far smaller than a `<rect>` per module and prints without hairline gaps.

use crate::rules::Lang;
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};
use std::fmt::{self, Write};

/// The largest QR version (size) produced: version 25 is 117 × 117 modules.
///
/// A bigger code still encodes, but printed at about 4–5 cm on the A4 form its modules would be
/// under 0.4 mm, which phone cameras and desk scanners read badly. At error-correction level M this
/// allows 997 bytes of UTF-8 (about 330 kana or kanji), more for plain
/// ASCII, which is segmented into the denser numeric and alphanumeric modes where it can be.
pub const MAX_VERSION: i16 = 25;

/// Error correction level M: recovers about 15% damage (a fold, a stamp, a smudge) while keeping
/// the code small.
const EC_LEVEL: EcLevel = EcLevel::M;

/// Width of the light margin around the code, in modules: 4 is what the QR standard requires.
pub const QUIET_ZONE: usize = 4;

/// Why no QR code could be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QrError {
    /// The data does not fit in a code of at most [`MAX_VERSION`].
    TooLong,
    /// The encoder refused the data for another reason (not expected for byte data).
    Encoding,
}

impl QrError {
    /// Message for the user.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            QrError::TooLong => lang.pick(
                "データが多すぎるため、QRコードを作成できません。QRコードなしで印刷できます。",
                "There is too much data for a QR code. The form can be printed without it.",
            ),
            QrError::Encoding => lang.pick(
                "QRコードを作成できませんでした。QRコードなしで印刷できます。",
                "The QR code could not be made. The form can be printed without it.",
            ),
        }
    }
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

impl std::error::Error for QrError {}

/// The modules of a QR code: `width × width` booleans, row by row, `true` = dark.
/// Without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    /// Row-major, `true` for a dark module.
    pub modules: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark (`false` outside the code).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width
            && self
                .modules
                .get(y * self.width + x)
                .copied()
                .unwrap_or(false)
    }
}

/// Encodes `data` as a QR code at level M in the smallest version that fits.
///
/// Non-ASCII text is put in byte mode as UTF-8, on purpose: the encoder's automatic segmentation
/// would read some UTF-8 byte pairs of Japanese text as Shift-JIS and put them in Kanji mode,
/// which decoders then turn into garbage. ASCII text uses the automatic (smaller) segmentation,
/// which cannot hit that case.
pub fn qr_matrix(data: &str) -> Result<QrMatrix, QrError> {
    let bytes = data.as_bytes();
    let mut last_err = QrError::TooLong;
    for v in 1..=MAX_VERSION {
        match data_bits(data, v) {
            Ok(bits) => {
                let code = QrCode::with_bits(bits, EC_LEVEL).map_err(|_| QrError::Encoding)?;
                let width = code.width();
                let modules = code
                    .into_colors()
                    .into_iter()
                    .map(|c| c == Color::Dark)
                    .collect();
                return Ok(QrMatrix { width, modules });
            }
            Err(qrcode::types::QrError::DataTooLong) => last_err = QrError::TooLong,
            Err(_) => last_err = QrError::Encoding,
        }
        // A version holds at most ~3 KB: stop early for long input rather than try every size.
        if bytes.len() > 3000 {
            break;
        }
    }
    Err(last_err)
}

/// The data stream of `data` for QR version `v`, terminated and padded for [`EC_LEVEL`].
fn data_bits(data: &str, v: i16) -> Result<Bits, qrcode::types::QrError> {
    let mut bits = Bits::new(Version::Normal(v));
    if data.is_ascii() {
        bits.push_optimal_data(data.as_bytes())?;
    } else {
        bits.push_byte_data(data.as_bytes())?;
    }
    bits.push_terminator(EC_LEVEL)?;
    Ok(bits)
}

/// Escapes `&`, `<`, `>`, `"` and `'` for an XML attribute value.
fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML at all.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The SVG path data of the dark modules, offset by the quiet zone: one `M x y h n v1 h-n z` per
/// horizontal run. Coordinates are whole modules, so the `viewBox` sets the size.
pub fn path_data(m: &QrMatrix) -> String {
    let mut d = String::new();
    for y in 0..m.width {
        let mut x = 0;
        while x < m.width {
            if !m.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < m.width && m.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            // Writing to a String cannot fail.
            let _ = write!(
                d,
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    d
}

/// A QR code of `data` as a standalone SVG: black on white, with the quiet zone, `role="img"` and
/// `aria-label` (for screen readers: say what the code holds, e.g. 「申請内容のQRコード」).
///
/// The SVG has a `viewBox` and no fixed size: the page sets it with CSS (e.g. `width: 40mm`).
/// `shape-rendering="crispEdges"` keeps module edges sharp on screen and in print.
pub fn qr_svg(data: &str, aria_label: &str) -> Result<String, QrError> {
    let m = qr_matrix(data)?;
    let size = m.width + 2 * QUIET_ZONE;
    Ok(format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" role="img" aria-label="{label}" shape-rendering="crispEdges">"#,
            r##"<rect width="{s}" height="{s}" fill="#fff"/>"##,
            r##"<path fill="#000" d="{d}"/>"##,
            "</svg>"
        ),
        s = size,
        label = xml_attr(aria_label),
        d = path_data(&m),
    ))
}

/// Makes JSON text pure ASCII by writing every non-ASCII character as a `\uXXXX` escape (a
/// surrogate pair above U+FFFF). The JSON value is unchanged.
///
/// For the QR payload: UTF-8 in a QR code is read correctly by phones, but some keyboard-style
/// desk scanners assume Shift-JIS; an ASCII payload reads the same everywhere, at the cost of
/// 6 bytes instead of 3 per kana or kanji. Non-ASCII characters can only occur inside JSON
/// strings, where the escape is valid.
pub fn ascii_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{:04x}", u);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_shape() {
        let svg = qr_svg("hello", "a \"label\" <&>").expect("short data fits");
        // Version 1 is 21 modules, plus 4 on each side.
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29""#));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-label="a &quot;label&quot; &lt;&amp;&gt;""#));
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(!svg.contains("<rect x="), "no rect per module");
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn path_covers_runs() {
        let m = QrMatrix {
            width: 3,
            modules: vec![true, true, false, false, false, false, true, false, true],
        };
        assert_eq!(path_data(&m), "M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z");
    }

    #[test]
    fn too_long_is_an_error() {
        let long = "x".repeat(5000);
        assert_eq!(qr_svg(&long, "").err(), Some(QrError::TooLong));
        // Version 25 at level M holds 997 bytes in byte mode.
        let fits = format!("{}abcd", "あ".repeat(331)); // 993 + 4 = 997 bytes of UTF-8
        assert_eq!(qr_matrix(&fits).map(|m| m.width), Ok(117));
        assert_eq!(qr_matrix(&format!("{fits}c")).err(), Some(QrError::TooLong));
    }

    /// Japanese text must be one byte-mode segment: mode 0100, then the byte count (8 bits in
    /// versions 1–9). The automatic segmentation would start with Kanji mode (1000) here, which
    /// phone scanners decode as Shift-JIS, i.e. as garbage.
    #[test]
    fn non_ascii_is_one_byte_mode_segment() {
        for text in ["いすみ市", &"い".repeat(10)] {
            let bytes = data_bits(text, 3).expect("fits").into_bytes();
            assert_eq!(bytes[0] >> 4, 0b0100, "byte mode for {text}");
            let count = ((bytes[0] & 0x0f) << 4) | (bytes[1] >> 4);
            assert_eq!(usize::from(count), text.len(), "byte count for {text}");
        }
        // ASCII keeps the compact automatic segmentation: digits go in numeric mode (0001).
        let digits = data_bits("0123456789", 1).expect("fits").into_bytes();
        assert_eq!(digits[0] >> 4, 0b0001, "numeric mode");
    }

    #[test]
    fn ascii_json_keeps_the_value() {
        assert_eq!(
            ascii_json(r#"{"n":"いすみ😀"}"#),
            r#"{"n":"\u3044\u3059\u307f\ud83d\ude00"}"#
        );
        assert_eq!(ascii_json("plain"), "plain");
    }
}
