//! The QR code is checked by decoding it back: the SVG that `qr_svg` writes is rasterised here
//! (from its `viewBox` and path, not from the encoder's matrix) and read with the independent
//! `rqrr` decoder, which must give back exactly the text that went in.

use isumi_check::qr::{ascii_json, qr_matrix, qr_svg, QrError, QUIET_ZONE};
use isumi_check::rules::applicant::{AccountType, Applicant, BankAccount};
use proptest::prelude::*;

/// Pixels per module in the test raster.
const SCALE: usize = 4;

/// Reads the SVG back into a grid of dark modules (quiet zone included), accepting only the exact
/// shape `qr_svg` promises: one viewBox, one path of `M x y h n v1 h-n z` runs.
fn svg_to_grid(svg: &str) -> (usize, Vec<bool>) {
    let vb = svg.split("viewBox=\"0 0 ").nth(1).expect("viewBox");
    let size: usize = vb.split(' ').next().expect("size").parse().expect("number");
    assert_eq!(svg.matches("<path").count(), 1, "exactly one path");
    let d = svg
        .split(" d=\"")
        .nth(1)
        .expect("path d")
        .split('"')
        .next()
        .expect("d end");
    let mut grid = vec![false; size * size];
    for run in d.split('z').filter(|r| !r.is_empty()) {
        // "M{x} {y}h{n}v1h-{n}"
        let rest = run.strip_prefix('M').expect("M");
        let (xy, rest) = rest.split_once('h').expect("h");
        let (x, y) = xy.split_once(' ').expect("x y");
        let (n, tail) = rest.split_once("v1h-").expect("v1h-");
        assert_eq!(n, tail, "run closes on itself");
        let (x, y, n): (usize, usize, usize) = (
            x.parse().expect("x"),
            y.parse().expect("y"),
            n.parse().expect("n"),
        );
        assert!(x + n <= size && y < size, "run inside the viewBox");
        for i in x..x + n {
            assert!(!grid[y * size + i], "runs do not overlap");
            grid[y * size + i] = true;
        }
    }
    (size, grid)
}

/// Rasterises the SVG and decodes it with rqrr; returns the decoded text.
fn decode_svg(svg: &str) -> String {
    let (size, grid) = svg_to_grid(svg);
    let px = size * SCALE;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if grid[(y / SCALE) * size + x / SCALE] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    let (_meta, text) = grids[0].decode().expect("decodes");
    text
}

fn applicant() -> Applicant {
    Applicant {
        name: "いすみ 太郎".into(),
        furigana: "イスミ　タロウ".into(),
        birth_date: "平成2年4月1日".into(),
        address: "千葉県いすみ市大原0000".into(),
        phone: "0470-00-0000".into(),
        email: "taro@example.jp".into(),
        crowdworks_user: "isumi_taro".into(),
        hinode_member_no: "H-0001".into(),
        housing_moved_in: "2019/4/1".into(),
        requested_amount: "30000".into(),
        bank: BankAccount {
            bank_name: "千葉銀行".into(),
            bank_code: "0134".into(),
            branch_name: "大原支店".into(),
            branch_code: "123".into(),
            account_type: AccountType::Futsu,
            account_number: "0123456".into(),
            holder_kana: "イスミ　タロウ".into(),
        },
    }
}

#[test]
fn decodes_ascii_json() {
    let json = r#"{"fy":2019,"housing":"shared","fees":[12000,8800],"requested":30000}"#;
    assert_eq!(decode_svg(&qr_svg(json, "申請内容").expect("fits")), json);
}

#[test]
fn decodes_japanese_text() {
    for text in [
        "いすみ市長 様",
        "令和元年5月1日　イスミ　タロウ",
        "あ",
        // Characters whose UTF-8 bytes look like Shift-JIS kanji pairs to a naive segmenter.
        "漢字とカタカナ、ひらがな。￥３０，０００",
    ] {
        assert_eq!(decode_svg(&qr_svg(text, "").expect("fits")), text, "{text}");
    }
}

#[test]
fn decodes_a_full_application_in_both_payload_forms() {
    let a = applicant();
    let json = serde_json::to_string(&a).expect("json");
    assert_eq!(decode_svg(&qr_svg(&json, "").expect("fits")), json);

    let ascii = ascii_json(&json);
    assert!(ascii.is_ascii());
    let decoded = decode_svg(&qr_svg(&ascii, "").expect("fits"));
    let back: Applicant = serde_json::from_str(&decoded).expect("valid JSON");
    assert_eq!(back, a);
}

#[test]
fn decodes_the_largest_code() {
    // 997 bytes of UTF-8: the most that fits in version 25 at level M.
    let text = format!("{}abcd", "い".repeat(331));
    let svg = qr_svg(&text, "").expect("fits");
    assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", 117 + 2 * QUIET_ZONE)));
    assert_eq!(decode_svg(&svg), text);
    assert_eq!(
        qr_svg(&format!("{text}e"), "").err(),
        Some(QrError::TooLong)
    );
}

#[test]
fn quiet_zone_is_light() {
    let (size, grid) = svg_to_grid(&qr_svg("quiet", "").expect("fits"));
    for i in 0..size {
        for j in 0..QUIET_ZONE {
            for (x, y) in [(i, j), (j, i), (i, size - 1 - j), (size - 1 - j, i)] {
                assert!(
                    !grid[y * size + x],
                    "dark module in the quiet zone at {x},{y}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Arbitrary short text, ASCII or not, decodes back to itself.
    #[test]
    fn any_text_round_trips(text in "\\PC{1,60}") {
        let svg = qr_svg(&text, "x").expect("60 chars fit");
        prop_assert_eq!(decode_svg(&svg), text);
    }

    /// The SVG path draws exactly the encoder's modules.
    #[test]
    fn path_matches_matrix(text in "[ -~]{0,80}") {
        let m = qr_matrix(&text).expect("fits");
        let (size, grid) = svg_to_grid(&qr_svg(&text, "").expect("fits"));
        prop_assert_eq!(size, m.width + 2 * QUIET_ZONE);
        for y in 0..m.width {
            for x in 0..m.width {
                prop_assert_eq!(grid[(y + QUIET_ZONE) * size + x + QUIET_ZONE], m.is_dark(x, y));
            }
        }
    }
}

/// A minimal PNG writer (8-bit greyscale, uncompressed deflate) so an external decoder can read
/// the raster.
fn png_greyscale(w: usize, h: usize, px: impl Fn(usize, usize) -> u8) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut c = kind.to_vec();
        c.extend_from_slice(data);
        out.extend_from_slice(&c);
        out.extend_from_slice(&crc32(&c).to_be_bytes());
    }
    let mut raw = Vec::with_capacity((w + 1) * h);
    for y in 0..h {
        raw.push(0); // filter: none
        raw.extend((0..w).map(|x| px(x, y)));
    }
    // zlib: header, stored blocks of at most 65,535 bytes, Adler-32.
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = b.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(b);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&(w as u32).to_be_bytes());
    ihdr.extend_from_slice(&(h as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Cross-check with a second, widely used decoder (zbar, as used by many scanner apps), reading a
/// PNG of the same raster. (It guesses the charset of the whole byte stream, so it would not catch
/// UTF-8 put in Kanji mode; the unit test `non_ascii_is_one_byte_mode_segment` in `src/qr.rs` does.)
#[test]
#[ignore = "needs zbarimg on PATH (apt-get install zbar-tools)"]
fn zbar_reads_the_svg() {
    let dir = std::env::temp_dir().join(format!("isumi-qr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = serde_json::to_string(&applicant()).expect("json");
    for (i, text) in [json.as_str(), "いすみ市長 様", &"い".repeat(40), "FY2019"]
        .iter()
        .enumerate()
    {
        let (size, grid) = svg_to_grid(&qr_svg(text, "").expect("fits"));
        let px = size * SCALE;
        let png = png_greyscale(px, px, |x, y| {
            if grid[(y / SCALE) * size + x / SCALE] {
                0
            } else {
                255
            }
        });
        let path = dir.join(format!("{i}.png"));
        std::fs::write(&path, png).expect("write png");
        let out = std::process::Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(&path)
            .output()
            .expect("run zbarimg");
        assert!(out.status.success(), "zbarimg failed on {text}");
        // Without -Sbinary zbar converts the text to UTF-8 as a scanner app would, and ends it
        // with a newline.
        let decoded = String::from_utf8_lossy(&out.stdout);
        assert_eq!(decoded.strip_suffix('\n').unwrap_or(&decoded), *text);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
