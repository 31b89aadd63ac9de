//! The applicant's details: serde round trip and defaults, the validators' table of accepted and
//! refused values, and a fuzz that validation never panics.

use chrono::NaiveDate;
use isumi_check::rules::amount::AmountError;
use isumi_check::rules::applicant::{
    field, field_label, normalize_kana_fields, text_fields, to_katakana, validate, validate_as_of,
    AccountType, Applicant, BankAccount, FieldErrorKind, Severity,
};
use isumi_check::rules::wareki::{DateError, Era};
use isumi_check::rules::Lang;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 2, 1).expect("valid date")
}

fn complete() -> Applicant {
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
        requested_amount: "3万".into(),
        bank: BankAccount {
            bank_name: "千葉銀行".into(),
            bank_code: "0134".into(),
            branch_name: "大原支店".into(),
            branch_code: "１２３".into(),
            account_type: AccountType::Futsu,
            account_number: "0123456".into(),
            holder_kana: "イスミ タロウ".into(),
        },
    }
}

/// Runs `validate_as_of` on a complete applicant with one field changed, and returns the kinds
/// reported for `id`.
fn kinds(id: &str, set: impl FnOnce(&mut Applicant)) -> Vec<FieldErrorKind> {
    let mut a = complete();
    set(&mut a);
    validate_as_of(&a, today())
        .into_iter()
        .filter(|e| e.field == id)
        .map(|e| e.kind)
        .collect()
}

#[test]
fn complete_and_empty_applicants_are_valid() {
    assert_eq!(validate_as_of(&complete(), today()), vec![]);
    assert_eq!(validate(&complete()), vec![]);
    assert_eq!(validate_as_of(&Applicant::default(), today()), vec![]);
    // Spaces only count as empty.
    let blank = Applicant {
        phone: " \u{3000}".into(),
        ..Applicant::default()
    };
    assert_eq!(validate(&blank), vec![]);
}

#[test]
fn serde_keeps_text_as_typed_and_fills_missing_fields() {
    let a = complete();
    let json = serde_json::to_string(&a).expect("serialise");
    assert!(json.contains(r#""account_type":"futsu""#), "{json}");
    let back: Applicant = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, a);

    let partial: Applicant =
        serde_json::from_str(r#"{"name":"太郎","bank":{"account_type":"toza"}}"#).expect("partial");
    assert_eq!(partial.name, "太郎");
    assert_eq!(partial.bank.account_type, AccountType::Toza);
    assert_eq!(partial.bank.bank_code, "");
    assert_eq!(partial.furigana, "");
}

#[test]
fn katakana_normalisation() {
    let cases = [
        ("いすみ たろう", "イスミ　タロウ"),
        ("ｲｽﾐ ﾀﾛｳ", "イスミ　タロウ"),
        ("ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ｳﾞ", "ガギグ　パピプペポ　ヴ"),
        ("ﾃﾞｨｰﾌﾟ･ﾊﾞｰ", "ディープ・バー"),
        ("  すずき   はなこ  ", "スズキ　ハナコ"),
        ("ゝゞ", "ヽヾ"),
        ("ﾏﾞ", "マ゛"),    // no voiced マ: the mark is kept, not dropped
        ("山田", "山田"), // kanji stay as typed
    ];
    for (input, want) in cases {
        assert_eq!(to_katakana(input), want, "{input:?}");
    }
}

/// The kana errors reported for `id` when it holds `v`: (kind, suggestion, Japanese message).
fn kana_errors(id: &str, v: &str) -> Vec<(FieldErrorKind, Option<String>, String)> {
    let mut a = complete();
    if id == field::FURIGANA {
        a.furigana = v.into();
    } else {
        a.bank.holder_kana = v.into();
    }
    validate_as_of(&a, today())
        .into_iter()
        .filter(|e| e.field == id)
        .map(|e| (e.kind, e.suggestion.clone(), e.message(Lang::Ja)))
        .collect()
}

#[test]
fn kana_fields() {
    for id in [field::FURIGANA, field::HOLDER_KANA] {
        // Full-width katakana (with ー, ・, any spaces) as typed: fine.
        for v in [
            "イスミ　タロウ",
            "イスミ タロウ",
            "ジョン・スミス",
            "ヴァーノン",
        ] {
            assert_eq!(kana_errors(id, v), vec![], "{id}: {v}");
        }
        // Hiragana, half-width katakana (ｶﾞ, ﾊﾟ, ｰ) and a mix convert to valid katakana: an error
        // whose message carries the one-tap fix.
        for (v, fix) in [
            ("いすみ たろう", "イスミ　タロウ"),
            ("ｲｽﾐ ﾀﾛｳ", "イスミ　タロウ"),
            ("ｶﾞｰﾃﾞﾝ ﾊﾟｰｸ", "ガーデン　パーク"),
            ("イスミ　たろう", "イスミ　タロウ"),
            ("ｲｽﾐ　たろう", "イスミ　タロウ"),
        ] {
            let errs = kana_errors(id, v);
            assert_eq!(errs.len(), 1, "{id}: {v}");
            let (kind, suggestion, message) = &errs[0];
            assert_eq!(*kind, FieldErrorKind::NotKatakana, "{v}");
            assert_eq!(suggestion.as_deref(), Some(fix), "{v}");
            assert!(message.contains(fix), "{v}: {message}");
        }
        // Kanji, latin, digits, a dakuten with no voiced form: no conversion fixes them.
        for v in ["山田 太郎", "Yamada Taro", "イスミ1", "ﾏﾞ", "やまだ太郎"] {
            let errs = kana_errors(id, v);
            assert_eq!(errs.len(), 1, "{id}: {v}");
            assert_eq!(errs[0].0, FieldErrorKind::NotKatakana, "{v}");
            assert_eq!(errs[0].1, None, "{v}: no suggestion");
            assert!(errs[0].2.contains("カタカナ"), "{v}");
        }
    }
}

#[test]
fn kana_fields_are_normalised_for_the_form() {
    let mut a = complete();
    a.furigana = "いすみ　たろう".into();
    a.bank.holder_kana = "ｲｽﾐ ﾀﾛｳ".into();
    a.name = "いすみ 太郎".into();
    normalize_kana_fields(&mut a);
    assert_eq!(a.furigana, "イスミ　タロウ");
    assert_eq!(a.bank.holder_kana, "イスミ　タロウ");
    // Only the two kana fields change.
    assert_eq!(a.name, "いすみ 太郎");
    assert_eq!(validate_as_of(&a, today()), vec![]);
    // What cannot be converted is kept as typed (and still reported).
    a.furigana = "Yamada たろう".into();
    normalize_kana_fields(&mut a);
    assert_eq!(a.furigana, "Yamada　タロウ");
    assert_eq!(
        kinds(field::FURIGANA, |x| x.furigana = a.furigana.clone()),
        vec![FieldErrorKind::NotKatakana]
    );
}

#[test]
fn birth_dates() {
    for v in [
        "1990-04-01",
        "1990/4/1",
        "平成2年4月1日",
        "H2.4.1",
        "昭和60年1月1日",
        "１９９０／４／１",
        "2020-01-31",
    ] {
        assert_eq!(
            kinds(field::BIRTH_DATE, |a| a.birth_date = v.into()),
            vec![],
            "{v}"
        );
    }
    use FieldErrorKind::*;
    let bad = [
        ("平成32年1月1日", Date(DateError::OutsideEra(Era::Heisei))),
        ("令和1年4月1日", Date(DateError::OutsideEra(Era::Reiwa))),
        ("1990-02-30", Date(DateError::NoSuchDay)),
        ("4月1日", Date(DateError::Format)),
        ("1890-01-01", TooEarly),
        ("2020-02-01", NotInPast), // today
        ("2030-01-01", NotInPast),
    ];
    for (v, kind) in bad {
        assert_eq!(
            kinds(field::BIRTH_DATE, |a| a.birth_date = v.into()),
            vec![kind],
            "{v}"
        );
    }
    // Without a clock, a future birth date cannot be caught; everything else still is.
    let mut a = complete();
    a.birth_date = "2030-01-01".into();
    assert_eq!(validate(&a), vec![]);
    a.birth_date = "平成32年1月1日".into();
    assert_eq!(validate(&a).len(), 1);
}

#[test]
fn moved_in_date_in_future_is_a_warning() {
    let errs = {
        let mut a = complete();
        a.housing_moved_in = "令和2年4月1日".into();
        validate_as_of(&a, today())
    };
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field, field::HOUSING_MOVED_IN);
    assert_eq!(errs[0].kind, FieldErrorKind::InFuture);
    assert_eq!(errs[0].severity(), Severity::Warning);
    assert_eq!(
        kinds(field::HOUSING_MOVED_IN, |a| a.housing_moved_in =
            "2020-02-01".into()),
        vec![]
    );
}

#[test]
fn address() {
    for v in [
        "千葉県いすみ市大原1",
        "いすみ市岬町",
        "いすみ 市 大原",
        "1 Ohara, Isumi-shi, Chiba",
    ] {
        assert_eq!(
            kinds(field::ADDRESS, |a| a.address = v.into()),
            vec![],
            "{v}"
        );
    }
    for v in ["東京都渋谷区1-1", "千葉県夷隅郡御宿町"] {
        let k = kinds(field::ADDRESS, |a| a.address = v.into());
        assert_eq!(k, vec![FieldErrorKind::NotInIsumi], "{v}");
    }
    let mut a = complete();
    a.address = "東京都".into();
    let errs = validate(&a);
    assert_eq!(errs[0].severity(), Severity::Warning);
}

#[test]
fn phone() {
    for v in [
        "0470-00-0000",
        "04700000000",
        "090-1234-5678",
        "０９０－１２３４－５６７８",
        "(0470) 00-0000",
        "090ー1234ー5678",
    ] {
        assert_eq!(kinds(field::PHONE, |a| a.phone = v.into()), vec![], "{v}");
    }
    use FieldErrorKind::*;
    for (v, k) in [
        ("0470-00-000", PhoneDigits),
        ("090-1234-56789", PhoneDigits),
        ("1470-00-0000", PhoneDigits),
        ("+81-470-00-0000", PhoneChars),
        ("0470-00-000O", PhoneChars),
        ("tel 0470000000", PhoneChars),
    ] {
        assert_eq!(kinds(field::PHONE, |a| a.phone = v.into()), vec![k], "{v}");
    }
}

#[test]
fn email() {
    for v in ["a@b.jp", "taro.isumi+cw@example.co.jp", " taro@example.jp "] {
        assert_eq!(kinds(field::EMAIL, |a| a.email = v.into()), vec![], "{v}");
    }
    for v in [
        "taro",
        "taro@",
        "@example.jp",
        "taro@example",
        "taro＠example.jp",
        "taro@@example.jp",
        "ta ro@example.jp",
        "taro@example..jp",
        "taro@.jp",
        "taro@example.jp.",
    ] {
        assert_eq!(
            kinds(field::EMAIL, |a| a.email = v.into()),
            vec![FieldErrorKind::Email],
            "{v}"
        );
    }
}

#[test]
fn codes_and_amount() {
    use FieldErrorKind::*;
    assert_eq!(
        kinds(field::BANK_CODE, |a| a.bank.bank_code = "０１３４".into()),
        vec![]
    );
    assert_eq!(
        kinds(field::BANK_CODE, |a| a.bank.bank_code = "134".into()),
        vec![Digits(4)]
    );
    assert_eq!(
        kinds(field::BANK_CODE, |a| a.bank.bank_code = "01a4".into()),
        vec![Digits(4)]
    );
    assert_eq!(
        kinds(field::BRANCH_CODE, |a| a.bank.branch_code = "1234".into()),
        vec![Digits(3)]
    );
    assert_eq!(
        kinds(field::ACCOUNT_NUMBER, |a| a.bank.account_number =
            "123456".into()),
        vec![Digits(7)]
    );
    assert_eq!(
        kinds(field::ACCOUNT_NUMBER, |a| a.bank.account_number =
            "123-4567".into()),
        vec![Digits(7)]
    );
    assert_eq!(
        kinds(field::REQUESTED_AMOUNT, |a| a.requested_amount =
            "３０，０００円".into()),
        vec![]
    );
    assert_eq!(
        kinds(field::REQUESTED_AMOUNT, |a| a.requested_amount =
            "1.5円".into()),
        vec![Amount(AmountError::Fraction)]
    );
    assert_eq!(
        kinds(field::REQUESTED_AMOUNT, |a| a.requested_amount =
            "たくさん".into()),
        vec![Amount(AmountError::NotANumber)]
    );
}

#[test]
fn several_errors_are_all_reported_with_messages_and_labels() {
    let a = Applicant {
        furigana: "Taro".into(),
        phone: "12".into(),
        email: "x".into(),
        bank: BankAccount {
            bank_code: "1".into(),
            account_number: "1".into(),
            ..BankAccount::default()
        },
        ..Applicant::default()
    };
    let errs = validate(&a);
    let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            field::FURIGANA,
            field::PHONE,
            field::EMAIL,
            field::BANK_CODE,
            field::ACCOUNT_NUMBER
        ]
    );
    for e in &errs {
        assert!(!e.message(Lang::Ja).is_empty() && !e.message(Lang::En).is_empty());
        assert!(!field_label(e.field, Lang::Ja).is_empty(), "{}", e.field);
        assert!(!field_label(e.field, Lang::En).is_empty(), "{}", e.field);
    }
    let acct = errs
        .iter()
        .find(|e| e.field == field::ACCOUNT_NUMBER)
        .expect("account error");
    assert!(acct.message(Lang::Ja).contains("前に0"));
}

/// Every text field of the applicant refuses a bidi control (it would reorder what is shown and
/// printed: `大原\u{202E}1234` shows as 「大原4321」), with one message naming the field, and no
/// second message about the content.
#[test]
fn bidi_controls_are_refused_in_every_text_field() {
    let controls = [
        '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
        '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];
    let complete = complete();
    let ids: Vec<&str> = text_fields(&complete).iter().map(|(id, _)| *id).collect();
    assert_eq!(
        ids.len(),
        16,
        "every text field of Applicant and BankAccount"
    );
    for (i, id) in ids.iter().enumerate() {
        let c = controls[i % controls.len()];
        let mut a = complete.clone();
        let slot: &mut String = match *id {
            field::NAME => &mut a.name,
            field::FURIGANA => &mut a.furigana,
            field::BIRTH_DATE => &mut a.birth_date,
            field::ADDRESS => &mut a.address,
            field::PHONE => &mut a.phone,
            field::EMAIL => &mut a.email,
            field::CROWDWORKS_USER => &mut a.crowdworks_user,
            field::HINODE_MEMBER_NO => &mut a.hinode_member_no,
            field::HOUSING_MOVED_IN => &mut a.housing_moved_in,
            field::REQUESTED_AMOUNT => &mut a.requested_amount,
            field::BANK_NAME => &mut a.bank.bank_name,
            field::BANK_CODE => &mut a.bank.bank_code,
            field::BRANCH_NAME => &mut a.bank.branch_name,
            field::BRANCH_CODE => &mut a.bank.branch_code,
            field::ACCOUNT_NUMBER => &mut a.bank.account_number,
            field::HOLDER_KANA => &mut a.bank.holder_kana,
            other => panic!("unexpected field {other}"),
        };
        // After the first character, so the control sits inside the text.
        let at = slot.char_indices().nth(1).map_or(slot.len(), |(i, _)| i);
        slot.insert(at, c);
        let errs = validate_as_of(&a, today());
        assert_eq!(errs.len(), 1, "{id}: {errs:?}");
        assert_eq!(errs[0].field, *id);
        assert_eq!(errs[0].kind, FieldErrorKind::BidiControl);
        assert_eq!(errs[0].severity(), Severity::Error);
        assert!(errs[0].message(Lang::Ja).contains("U+202E"));
        assert!(errs[0].message(Lang::En).contains("text-direction"));
    }
    // The example of the issue: the address would print reversed.
    assert_eq!(
        kinds(field::ADDRESS, |a| a.address =
            "千葉県いすみ市大原\u{202E}1234".into()),
        vec![FieldErrorKind::BidiControl]
    );
}

#[test]
fn overlong_text_is_refused() {
    let long = "あ".repeat(257);
    assert_eq!(
        kinds(field::ADDRESS, |a| a.address = format!("いすみ市{long}")),
        vec![FieldErrorKind::TooLong(261)]
    );
    assert_eq!(
        kinds(field::EMAIL, |a| a.email =
            format!("{}@example.jp", "a".repeat(243))),
        vec![],
        "an email address of 254 characters fits"
    );
    let e = validate(&Applicant {
        name: long,
        ..Applicant::default()
    });
    assert!(e[0].message(Lang::Ja).contains("256文字以内"));
}

#[test]
fn unknown_keys_are_refused() {
    assert!(serde_json::from_str::<Applicant>(r#"{"nmae":"太郎"}"#).is_err());
    assert!(serde_json::from_str::<Applicant>(r#"{"bank":{"bank_nmae":"千葉"}}"#).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever is typed into any field, validation and kana conversion do not panic.
    #[test]
    fn validation_never_panics(fields in prop::collection::vec("\\PC{0,20}", 15)) {
        let f = |i: usize| fields[i].clone();
        let a = Applicant {
            name: f(0), furigana: f(1), birth_date: f(2), address: f(3), phone: f(4),
            email: f(5), crowdworks_user: f(6), hinode_member_no: f(7), housing_moved_in: f(8),
            requested_amount: f(9),
            bank: BankAccount {
                bank_name: f(10), bank_code: f(11), branch_name: f(12), branch_code: f(13),
                account_type: AccountType::Toza, account_number: f(14), holder_kana: f(1),
            },
        };
        for e in validate_as_of(&a, today()) {
            prop_assert!(!e.message(Lang::En).is_empty());
        }
        let k = to_katakana(&f(1));
        // Normalising twice changes nothing more.
        prop_assert_eq!(to_katakana(&k), k);
    }
}
