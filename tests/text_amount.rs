//! Property tests and a bounded fuzz of `parse_amount`: it never panics, whatever is typed, and
//! every way the app itself writes an amount reads back as the same amount.

use isumi_check::rules::amount::{parse_amount, AmountError, MAX_AMOUNT};
use isumi_check::rules::money::{format_yen, format_yen_ja, group_digits};
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
        (0..100_000u64, 0..10_000u64).prop_map(|(m, r)| format!("{m}万{r}円")),
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

    /// The 万 forms people type give the right amount.
    #[test]
    fn man_forms(m in 0..100_000u64, r in 0..10_000u64) {
        prop_assert_eq!(parse_amount(&format!("{m}万{r}円")), Ok(m * 10_000 + r));
        prop_assert_eq!(parse_amount(&format!("{m}.{r:04}万")), Ok(m * 10_000 + r));
        prop_assert_eq!(parse_amount(&format!("{m}万 {}", group_digits(r))), Ok(m * 10_000 + r));
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
