//! The applicant's details for the printed application (申請書), kept exactly as typed.
//!
//! Every field is a `String` on purpose: the form must never lose or silently "correct" what a
//! person typed (a half-typed date, a code with a missing digit). Validation is a separate step
//! ([`validate`], [`validate_as_of`]) that reports problems per field; normalisation helpers
//! ([`to_katakana`], [`ascii_digits`]) turn typed text into the form's conventions only when the
//! UI asks for it.

use super::amount::{parse_amount, AmountError};
use super::limits::{check_text, LimitError};
use super::wareki::{parse_date, DateError};
use super::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 預金種別: the kind of bank account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountType {
    /// 普通 (ordinary savings account): by far the most common, so the default.
    #[default]
    Futsu,
    /// 当座 (current / checking account).
    Toza,
}

/// 振込先: the account the subsidy is paid into, as typed.
///
/// Unknown keys in a file are refused, not dropped: a misspelt field would otherwise vanish.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BankAccount {
    /// 金融機関名 (e.g. 千葉銀行).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub bank_name: String,
    /// 金融機関コード: 4 digits.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub bank_code: String,
    /// 支店名.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub branch_name: String,
    /// 支店コード: 3 digits.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub branch_code: String,
    /// 預金種別.
    pub account_type: AccountType,
    /// 口座番号: 7 digits.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub account_number: String,
    /// 口座名義 in katakana (カナ).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub holder_kana: String,
}

/// The applicant block and payment details of the application, as typed.
///
/// Empty fields are left out when written (files, the QR code) and read back as empty.
///
/// Housing type, fiscal year and fees paid are answers of the scenario, not here. Unknown keys
/// in a file are refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Applicant {
    /// 氏名 (as on the 住民票).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// フリガナ (katakana reading of the name).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub furigana: String,
    /// 生年月日, as typed: ISO, slashes or a 和暦 form (平成2年4月1日, H2.4.1).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub birth_date: String,
    /// 住所, expected in いすみ市.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// 電話番号.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// メールアドレス.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// CrowdWorks user name or ID.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub crowdworks_user: String,
    /// hinode special member number (hinode特別会員番号).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hinode_member_no: String,
    /// 転入日 (the date of moving in to いすみ市), as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub housing_moved_in: String,
    /// 交付申請額 (the subsidy requested), as typed: parsed by `amount::parse_amount`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub requested_amount: String,
    /// 振込先.
    pub bank: BankAccount,
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// The ids of the fields, as used in [`FieldError::field`] (and by the UI for `id`/`for`).
pub mod field {
    /// 氏名.
    pub const NAME: &str = "name";
    /// フリガナ.
    pub const FURIGANA: &str = "furigana";
    /// 生年月日.
    pub const BIRTH_DATE: &str = "birth_date";
    /// 住所.
    pub const ADDRESS: &str = "address";
    /// 電話番号.
    pub const PHONE: &str = "phone";
    /// メールアドレス.
    pub const EMAIL: &str = "email";
    /// CrowdWorks user.
    pub const CROWDWORKS_USER: &str = "crowdworks_user";
    /// hinode special member number.
    pub const HINODE_MEMBER_NO: &str = "hinode_member_no";
    /// 転入日.
    pub const HOUSING_MOVED_IN: &str = "housing_moved_in";
    /// 交付申請額.
    pub const REQUESTED_AMOUNT: &str = "requested_amount";
    /// 金融機関名.
    pub const BANK_NAME: &str = "bank.bank_name";
    /// 金融機関コード.
    pub const BANK_CODE: &str = "bank.bank_code";
    /// 支店名.
    pub const BRANCH_NAME: &str = "bank.branch_name";
    /// 支店コード.
    pub const BRANCH_CODE: &str = "bank.branch_code";
    /// 預金種別.
    pub const ACCOUNT_TYPE: &str = "bank.account_type";
    /// 口座番号.
    pub const ACCOUNT_NUMBER: &str = "bank.account_number";
    /// 口座名義(カナ).
    pub const HOLDER_KANA: &str = "bank.holder_kana";
}

/// The label of a field id (see [`field`]), for an error summary; `""` for an unknown id.
pub fn field_label(field: &str, lang: Lang) -> &'static str {
    let (ja, en) = match field {
        field::NAME => ("氏名", "Name"),
        field::FURIGANA => ("フリガナ", "Name in katakana (furigana)"),
        field::BIRTH_DATE => ("生年月日", "Date of birth"),
        field::ADDRESS => ("住所", "Address"),
        field::PHONE => ("電話番号", "Phone number"),
        field::EMAIL => ("メールアドレス", "Email address"),
        field::CROWDWORKS_USER => ("クラウドワークスのユーザー名", "CrowdWorks user name"),
        field::HINODE_MEMBER_NO => ("hinode特別会員番号", "hinode special member number"),
        field::HOUSING_MOVED_IN => ("転入日", "Date you moved in"),
        field::REQUESTED_AMOUNT => ("交付申請額", "Amount requested"),
        field::BANK_NAME => ("金融機関名", "Bank name"),
        field::BANK_CODE => ("金融機関コード", "Bank code"),
        field::BRANCH_NAME => ("支店名", "Branch name"),
        field::BRANCH_CODE => ("支店コード", "Branch code"),
        field::ACCOUNT_TYPE => ("預金種別", "Account type"),
        field::ACCOUNT_NUMBER => ("口座番号", "Account number"),
        field::HOLDER_KANA => ("口座名義(カナ)", "Account holder (katakana)"),
        _ => ("", ""),
    };
    lang.pick(ja, en)
}

/// How serious a [`FieldError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The value cannot go on the form as it is.
    Error,
    /// Worth a second look, but the form can still be printed (e.g. an address outside いすみ市,
    /// which the desk may still accept for someone about to move in).
    Warning,
}

/// What is wrong with a filled-in field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldErrorKind {
    /// A kana field is not written in full-width katakana (with ー, ・ and spaces). When converting
    /// hiragana and half-width katakana ([`to_katakana`]) would fix it, the error carries the
    /// converted text as its suggestion.
    NotKatakana,
    /// The date could not be read, or is not a real day.
    Date(DateError),
    /// The date is today or later where it must be in the past (date of birth).
    NotInPast,
    /// The date is after today (date of moving in: a warning, one may fill the form in ahead).
    InFuture,
    /// The date is before 1900: most likely a typo in the year.
    TooEarly,
    /// The address does not mention いすみ市 (a warning).
    NotInIsumi,
    /// The phone number has characters other than digits, hyphens, brackets and spaces.
    PhoneChars,
    /// The phone number does not have 10 or 11 digits starting with 0.
    PhoneDigits,
    /// The email address does not look like one (one @, a domain with a dot, no spaces).
    Email,
    /// A code or account number that must be exactly this many digits.
    Digits(usize),
    /// The amount could not be read.
    Amount(AmountError),
    /// The text holds a bidi control such as U+202E, which would reorder what is shown and
    /// printed (`大原\u{202E}1234` shows as 「大原4321」). See [`crate::rules::text_safety`].
    BidiControl,
    /// The text has more than [`crate::rules::limits::MAX_TEXT_CHARS`] characters (the count
    /// found).
    TooLong(usize),
}

/// A problem with one field of the [`Applicant`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// The field's id, one of [`field`].
    pub field: &'static str,
    /// What is wrong.
    pub kind: FieldErrorKind,
    /// The value that would fix it, for a one-tap fix (a kana field typed in hiragana or half-width
    /// katakana: the same text in full-width katakana). Also quoted in [`FieldError::message`].
    pub suggestion: Option<String>,
}

impl FieldError {
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        match self.kind {
            FieldErrorKind::NotInIsumi | FieldErrorKind::InFuture => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A polite message for the user, saying what to type.
    pub fn message(&self, lang: Lang) -> String {
        use FieldErrorKind::*;
        let s = |ja: &str, en: &str| lang.pick(ja, en).to_string();
        match self.kind {
            NotKatakana => match (&self.suggestion, lang) {
                (Some(fix), Lang::Ja) => format!("全角カタカナで入力してください。「{fix}」に直せます。"),
                (Some(fix), Lang::En) => format!(
                    "Please enter this in full-width katakana. It can be changed to 「{fix}」."
                ),
                (None, _) => s(
                    "カタカナで入力してください(例: イスミ　タロウ)。",
                    "Please enter this in katakana (for example イスミ　タロウ).",
                ),
            },
            Date(e) => e.message(lang),
            NotInPast => s(
                "生年月日は今日より前の日付を入力してください。",
                "The date of birth must be before today.",
            ),
            InFuture => s(
                "転入日が今日より後になっています。転入予定の場合は、窓口でご相談ください。",
                "The date you moved in is after today. If you have not moved yet, please ask at the desk.",
            ),
            TooEarly => s(
                "1900年より前の日付になっています。年をご確認ください。",
                "The date is before 1900. Please check the year.",
            ),
            NotInIsumi => s(
                "住所に「いすみ市」が含まれていません。この助成はいすみ市に住所がある方が対象です(例: 千葉県いすみ市大原0000)。",
                "The address does not include いすみ市 (Isumi City). This subsidy is for residents of Isumi City (for example 千葉県いすみ市大原0000).",
            ),
            PhoneChars => s(
                "電話番号は数字とハイフンで入力してください(例: 0470-00-0000)。",
                "Please enter the phone number with digits and hyphens only (for example 0470-00-0000).",
            ),
            PhoneDigits => s(
                "電話番号は0から始まる10桁または11桁で入力してください(例: 0470-00-0000、090-0000-0000)。",
                "Please enter a phone number of 10 or 11 digits starting with 0 (for example 0470-00-0000 or 090-0000-0000).",
            ),
            Email => s(
                "メールアドレスを半角で正しく入力してください(例: name@example.jp)。",
                "Please enter a valid email address (for example name@example.jp).",
            ),
            Digits(n) if self.field == field::ACCOUNT_NUMBER => match lang {
                Lang::Ja => format!("口座番号は{n}桁の数字で入力してください({n}桁に満たない場合は前に0を付けてください)。"),
                Lang::En => format!("Please enter the account number as {n} digits (add zeros in front if it is shorter)."),
            },
            Digits(n) => match lang {
                Lang::Ja => format!("{n}桁の数字で入力してください。"),
                Lang::En => format!("Please enter exactly {n} digits."),
            },
            Amount(e) => e.message(lang),
            // The same wording as the scenario-file reader's (one rule: `limits::check_text`).
            BidiControl => LimitError::BidiControl.text().get(lang).to_string(),
            TooLong(found) => LimitError::TextTooLong { found }.text().get(lang).to_string(),
        }
    }
}

/// Converts hiragana to katakana and half-width katakana (ｶﾞ, ｰ, ･) to full-width, and tidies
/// spaces (each run of spaces becomes one full-width space, none at the ends), the way the form
/// writes フリガナ and 口座名義. Other characters are kept as they are, so nothing typed is lost.
pub fn to_katakana(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push('\u{3000}');
            pending_space = false;
        }
        let k = match c {
            // ぁ..ゖ and ゝゞ: hiragana sit exactly 0x60 below their katakana.
            '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => {
                char::from_u32(c as u32 + 0x60).unwrap_or(c)
            }
            '\u{FF61}'..='\u{FF9F}' => {
                let base = half_width_kana(c);
                // A following half-width (han)dakuten combines with the letter before it.
                match chars.peek() {
                    Some('\u{FF9E}') => {
                        if let Some(v) = voiced(base) {
                            chars.next();
                            out.push(v);
                            continue;
                        }
                        base
                    }
                    Some('\u{FF9F}') => {
                        if let Some(v) = semi_voiced(base) {
                            chars.next();
                            out.push(v);
                            continue;
                        }
                        base
                    }
                    _ => base,
                }
            }
            _ => c,
        };
        out.push(k);
    }
    out
}

/// Half-width katakana and punctuation U+FF61..U+FF9F to full-width.
fn half_width_kana(c: char) -> char {
    const TABLE: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";
    let i = (c as u32).wrapping_sub(0xFF61) as usize;
    TABLE.chars().nth(i).unwrap_or(c)
}

fn voiced(c: char) -> Option<char> {
    match c {
        'ウ' => Some('ヴ'),
        'ワ' => Some('ヷ'),
        'ヲ' => Some('ヺ'),
        // カ..ト have their voiced form at +1 (カガキギ…), ハ..ホ at +1 in steps of 3.
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'タ' | 'チ'
        | 'ツ' | 'テ' | 'ト' | 'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => {
            char::from_u32(c as u32 + 1)
        }
        _ => None,
    }
}

fn semi_voiced(c: char) -> Option<char> {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2),
        _ => None,
    }
}

/// Writes フリガナ and 口座名義 the form's way: hiragana and half-width katakana become full-width
/// katakana, and spaces are tidied ([`to_katakana`]). Other characters (kanji, latin) are kept, so
/// nothing typed is lost; validation reports them.
pub fn normalize_kana_fields(a: &mut Applicant) {
    a.furigana = to_katakana(&a.furigana);
    a.bank.holder_kana = to_katakana(&a.bank.holder_kana);
}

/// The problem with a kana field as typed, if any: not full-width katakana. The suggestion is the
/// converted text when conversion gives valid katakana.
fn kana_problem(value: &str) -> Option<Option<String>> {
    if is_katakana_text(value) {
        return None;
    }
    let converted = to_katakana(value);
    Some(is_katakana_text(&converted).then_some(converted))
}

/// Whether `s` (already through [`to_katakana`]) is only full-width katakana, ー, ・ and spaces.
pub fn is_katakana_text(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | 'ヽ' | 'ヾ') || c.is_whitespace()
    })
}

/// Full-width digits ０-９ to ASCII, other characters unchanged.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The earliest plausible date on this form; earlier ones are almost surely a mistyped year.
const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Checks every filled-in field; empty fields are fine (the form can be filled in by hand).
///
/// Without a clock this cannot tell whether a date is in the future: the UI, which knows today's
/// date, should call [`validate_as_of`].
pub fn validate(a: &Applicant) -> Vec<FieldError> {
    validate_inner(a, None)
}

/// [`validate`], plus the checks that need today's date: a date of birth must be in the past, and
/// a moving-in date after today is a warning.
pub fn validate_as_of(a: &Applicant, today: NaiveDate) -> Vec<FieldError> {
    validate_inner(a, Some(today))
}

/// Writes the two views of the one list of text fields: read-only ([`text_fields`]) and by id for
/// editing ([`text_field_mut`]), so a field added to one is in the other.
macro_rules! text_field_list {
    ($($id:path => $($f:ident).+),* $(,)?) => {
        /// Every text field of the applicant with its id (see [`field`]), in form order: what the
        /// scenario-file reader and [`validate`] check with [`check_text`].
        pub fn text_fields(a: &Applicant) -> [(&'static str, &str); 16] {
            [$(($id, &a.$($f).+)),*]
        }

        /// The ids of [`text_fields`], in the same order (a field's path in a file is
        /// `applicant.` and its id).
        pub const TEXT_FIELD_IDS: [&str; 16] = [$($id),*];

        /// The text field with id `id` (one of [`field`]), to edit it; `None` for another id.
        pub fn text_field_mut<'a>(a: &'a mut Applicant, id: &str) -> Option<&'a mut String> {
            $(if id == $id {
                return Some(&mut a.$($f).+);
            })*
            None
        }
    };
}

text_field_list! {
    field::NAME => name,
    field::FURIGANA => furigana,
    field::BIRTH_DATE => birth_date,
    field::ADDRESS => address,
    field::PHONE => phone,
    field::EMAIL => email,
    field::CROWDWORKS_USER => crowdworks_user,
    field::HINODE_MEMBER_NO => hinode_member_no,
    field::HOUSING_MOVED_IN => housing_moved_in,
    field::REQUESTED_AMOUNT => requested_amount,
    field::BANK_NAME => bank.bank_name,
    field::BANK_CODE => bank.bank_code,
    field::BRANCH_NAME => bank.branch_name,
    field::BRANCH_CODE => bank.branch_code,
    field::ACCOUNT_NUMBER => bank.account_number,
    field::HOLDER_KANA => bank.holder_kana,
}

fn validate_inner(a: &Applicant, today: Option<NaiveDate>) -> Vec<FieldError> {
    let mut errors = Vec::new();

    // Characters first: a field refused for a bidi control or its length gets no second message
    // about its content (which may only look wrong because of the reordering).
    let mut refused: Vec<&'static str> = Vec::new();
    for (id, value) in text_fields(a) {
        let kind = match check_text(value) {
            Ok(()) => continue,
            Err(LimitError::TextTooLong { found }) => FieldErrorKind::TooLong(found),
            Err(_) => FieldErrorKind::BidiControl,
        };
        errors.push(FieldError {
            field: id,
            kind,
            suggestion: None,
        });
        refused.push(id);
    }
    let filled = |id: &str, s: &str| !s.trim().is_empty() && !refused.contains(&id);

    // Checked as typed: hiragana or half-width katakana is reported with the converted text as a
    // one-tap fix (the printed form converts it anyway, see `application::applicant_on_form`).
    for (id, value) in [
        (field::FURIGANA, &a.furigana),
        (field::HOLDER_KANA, &a.bank.holder_kana),
    ] {
        if filled(id, value) {
            if let Some(suggestion) = kana_problem(value) {
                errors.push(FieldError {
                    field: id,
                    kind: FieldErrorKind::NotKatakana,
                    suggestion,
                });
            }
        }
    }

    let mut push = |field: &'static str, kind: FieldErrorKind| {
        errors.push(FieldError {
            field,
            kind,
            suggestion: None,
        })
    };

    if filled(field::BIRTH_DATE, &a.birth_date) {
        match parse_date(&a.birth_date) {
            Err(e) => push(field::BIRTH_DATE, FieldErrorKind::Date(e)),
            Ok(d) if d < EARLIEST => push(field::BIRTH_DATE, FieldErrorKind::TooEarly),
            Ok(d) if today.is_some_and(|t| d >= t) => {
                push(field::BIRTH_DATE, FieldErrorKind::NotInPast)
            }
            Ok(_) => {}
        }
    }
    if filled(field::HOUSING_MOVED_IN, &a.housing_moved_in) {
        match parse_date(&a.housing_moved_in) {
            Err(e) => push(field::HOUSING_MOVED_IN, FieldErrorKind::Date(e)),
            Ok(d) if d < EARLIEST => push(field::HOUSING_MOVED_IN, FieldErrorKind::TooEarly),
            Ok(d) if today.is_some_and(|t| d > t) => {
                push(field::HOUSING_MOVED_IN, FieldErrorKind::InFuture)
            }
            Ok(_) => {}
        }
    }

    if filled(field::ADDRESS, &a.address) && !in_isumi(&a.address) {
        push(field::ADDRESS, FieldErrorKind::NotInIsumi);
    }
    if filled(field::PHONE, &a.phone) {
        if let Some(kind) = check_phone(&a.phone) {
            push(field::PHONE, kind);
        }
    }
    if filled(field::EMAIL, &a.email) && !email_ok(&a.email) {
        push(field::EMAIL, FieldErrorKind::Email);
    }
    if filled(field::REQUESTED_AMOUNT, &a.requested_amount) {
        if let Err(e) = parse_amount(&a.requested_amount) {
            push(field::REQUESTED_AMOUNT, FieldErrorKind::Amount(e));
        }
    }
    for (id, value, n) in [
        (field::BANK_CODE, &a.bank.bank_code, 4),
        (field::BRANCH_CODE, &a.bank.branch_code, 3),
        (field::ACCOUNT_NUMBER, &a.bank.account_number, 7),
    ] {
        if filled(id, value) {
            let d = ascii_digits(value.trim());
            if d.chars().count() != n || !d.chars().all(|c| c.is_ascii_digit()) {
                push(id, FieldErrorKind::Digits(n));
            }
        }
    }
    errors
}

/// Whether an address is in いすみ市: it mentions いすみ市 (spaces ignored, so 「いすみ 市」 too),
/// or "Isumi" for an address written in English.
fn in_isumi(address: &str) -> bool {
    let compact: String = address.chars().filter(|c| !c.is_whitespace()).collect();
    compact.contains("いすみ市") || compact.to_ascii_lowercase().contains("isumi")
}

fn check_phone(phone: &str) -> Option<FieldErrorKind> {
    let mut digits = String::new();
    for c in ascii_digits(phone).chars() {
        match c {
            '0'..='9' => digits.push(c),
            // Hyphens as typed by Japanese IMEs (ー is a common slip for －), brackets for the
            // area code, and spaces.
            '-' | '－' | '‐' | '−' | 'ー' | '(' | ')' | '（' | '）' => {}
            c if c.is_whitespace() => {}
            _ => return Some(FieldErrorKind::PhoneChars),
        }
    }
    let ok = (10..=11).contains(&digits.len()) && digits.starts_with('0');
    (!ok).then_some(FieldErrorKind::PhoneDigits)
}

fn email_ok(email: &str) -> bool {
    let e = email.trim();
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    // Deliberately simple: the full grammar accepts things no mail form should, and a typo is the
    // likely problem. ASCII only, so a full-width ＠ or address is caught.
    e.is_ascii()
        && !e
            .chars()
            .any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}
