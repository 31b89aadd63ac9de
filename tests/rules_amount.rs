//! Property tests and a bounded fuzz of `parse_amount`: it never panics, whatever is typed, and
//! every way the app itself writes an amount reads back as the same amount.

use isumi_check::rules::amount::{parse_amount, AmountError, MAX_AMOUNT};
use isumi_check::rules::money::{format_yen, format_yen_ja, group_digits};
use isumi_check::rules::{Lang, Yen};
use proptest::prelude::*;

/// ASCII digits to full-width ０-９, the way a Japanese IME types them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
            ',' => '，',
            _ => c,
        })
        .collect()
}

/// Characters the parser treats specially, plus a few it must reject, for the mutation fuzz.
const ALPHABET: &[char] = &[
    '0', '1', '5', '9', '０', '５', '.', '．', ',', '，', ' ', '\u{3000}', '¥', '￥', '円', '万',
    '千', '億', '-', '－', '▲', 'a', 'e', '٣', '\u{0}', '\u{FFFF}',
];

/// A valid amount string, in one of the typed shapes.
fn valid_input() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..=MAX_AMOUNT).prop_map(|n| n.to_string()),
        (0..=MAX_AMOUNT).prop_map(format_yen),
        (0..=MAX_AMOUNT).prop_map(|n| full_width(&format_yen_ja(n))),
        (0..100_000u64, 0..10_000u64).prop_map(|(m, r)| format!("{m}万{r:04}円")),
        (0..100u64, 0..10u64).prop_map(|(m, k)| format!("{m}万 {k}千")),
        (0..1000u64, 0..10_000u64).prop_map(|(i, f)| format!("{i}.{f:04}万")),
    ]
}

/// An edit to a valid string: insert, delete or replace one character.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let ch = prop::sample::select(ALPHABET);
    prop_oneof![
        (any::<usize>(), ch.clone()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), ch).prop_map(|(i, c)| Edit::Replace(i, c)),
    ]
}

fn apply(s: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for e in edits {
        match *e {
            Edit::Insert(i, c) => {
                let i = i % (chars.len() + 1);
                chars.insert(i, c);
            }
            Edit::Delete(i) if !chars.is_empty() => {
                let i = i % chars.len();
                chars.remove(i);
            }
            Edit::Replace(i, c) if !chars.is_empty() => {
                let i = i % chars.len();
                chars[i] = c;
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any Unicode string: no panic, and an accepted amount is within the limit.
    #[test]
    fn never_panics_on_any_string(s in "\\PC{0,40}") {
        if let Ok(v) = parse_amount(&s) {
            prop_assert!(v <= MAX_AMOUNT);
        }
    }

    /// Strings made only of the characters the parser cares about: the dense part of the space.
    #[test]
    fn never_panics_on_relevant_characters(chars in prop::collection::vec(prop::sample::select(ALPHABET), 0..30)) {
        let s: String = chars.into_iter().collect();
        if let Ok(v) = parse_amount(&s) {
            prop_assert!(v <= MAX_AMOUNT);
        }
    }

    /// Valid inputs with a few random edits: no panic, and the result stays within the limit.
    #[test]
    fn never_panics_on_mutated_valid_input(s in valid_input(), edits in prop::collection::vec(edit(), 1..4)) {
        let m = apply(&s, &edits);
        if let Ok(v) = parse_amount(&m) {
            prop_assert!(v <= MAX_AMOUNT, "{m:?} gave {v}");
        }
    }

    /// Every way the app writes an amount reads back to the same amount.
    #[test]
    fn app_formats_round_trip(n in 0..=MAX_AMOUNT) {
        prop_assert_eq!(parse_amount(&n.to_string()), Ok(n));
        prop_assert_eq!(parse_amount(&group_digits(n)), Ok(n));
        prop_assert_eq!(parse_amount(&format_yen(n)), Ok(n));
        prop_assert_eq!(parse_amount(&format_yen_ja(n)), Ok(n));
        prop_assert_eq!(parse_amount(&full_width(&format_yen_ja(n))), Ok(n));
    }

    /// The 万 forms people type give the right amount; a bare group of 1 to 3 digits after 万
    /// (`1万5`) is refused with both readings rather than guessed.
    #[test]
    fn man_forms(m in 0..100_000u64, r in 0..10_000u64) {
        let want = m * 10_000 + r;
        prop_assert_eq!(parse_amount(&format!("{m}万{r:04}円")), Ok(want));
        prop_assert_eq!(parse_amount(&format!("{m}.{r:04}万")), Ok(want));
        let digits = r.to_string().len() as u32;
        let typed = format!("{m}万 {}", group_digits(r));
        if r == 0 || digits == 4 {
            prop_assert_eq!(parse_amount(&typed), Ok(want));
        } else {
            prop_assert_eq!(
                parse_amount(&typed),
                Err(AmountError::ShortAfterMan {
                    as_leading: m * 10_000 + r * 10u64.pow(4 - digits),
                    as_written: want,
                })
            );
        }
        if r % 1000 == 0 {
            prop_assert_eq!(parse_amount(&format!("{m}万{}千", r / 1000)), Ok(want));
        }
    }

    /// Above the limit is always TooLarge, never a wrong number.
    #[test]
    fn above_limit_is_too_large(n in (MAX_AMOUNT + 1)..=u64::MAX) {
        prop_assert_eq!(parse_amount(&n.to_string()), Err(AmountError::TooLarge));
        prop_assert_eq!(parse_amount(&group_digits(n)), Err(AmountError::TooLarge));
    }

    /// A fraction of a yen is refused, never rounded.
    #[test]
    fn fractions_of_a_yen_are_refused(i in 0..1_000_000u64, f in 1..10u64) {
        prop_assert_eq!(parse_amount(&format!("{i}.{f}")), Err(AmountError::Fraction));
        prop_assert_eq!(parse_amount(&format!("{i}.0000{f}万")), Err(AmountError::Fraction));
    }
}

/// `1万5` is read as ¥15,000 about as often as ¥10,005: it is refused, the same way `1,5` is,
/// with a message that gives both readings and what to type for each.
#[test]
fn short_group_after_man_is_a_question() {
    let cases: &[(&str, Yen, Yen)] = &[
        ("1万5", 15_000, 10_005),
        ("1万50", 15_000, 10_050),
        ("1万500", 15_000, 10_500),
        ("１万５円", 15_000, 10_005),
        ("¥3万25", 32_500, 30_025),
    ];
    for &(input, as_leading, as_written) in cases {
        assert_eq!(
            parse_amount(input),
            Err(AmountError::ShortAfterMan {
                as_leading,
                as_written
            }),
            "{input}"
        );
    }
    for (input, want) in [
        ("3万5000円", 35_000),
        ("2万 5千", 25_000),
        ("1万5千", 15_000),
        ("1万0005", 10_005),
        ("1万0", 10_000),
        ("5万", 50_000),
    ] {
        assert_eq!(parse_amount(input), Ok(want), "{input}");
    }
    let e = parse_amount("1万5").unwrap_err();
    let ja = e.message(Lang::Ja);
    assert!(
        ja.contains("「1万5千」") && ja.contains("「15000」") && ja.contains("「10005」"),
        "{ja}"
    );
    let en = e.message(Lang::En);
    assert!(
        en.contains("1万5千 or 15000") && en.contains("¥10,005"),
        "{en}"
    );
}
