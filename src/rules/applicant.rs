//! The applicant's details for the printed application (申請書), kept exactly as typed.
//!
//! Every field is a `String` on purpose: the form must never lose or silently "correct" what a
//! person typed (a half-typed date, a code with a missing digit). Validation is a separate step
//! ([`validate`], added below) that reports problems per field; normalisation helpers turn
//! typed text into the form's conventions (katakana, full-width) only when the UI asks for it.

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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BankAccount {
    /// 金融機関名 (e.g. 千葉銀行).
    pub bank_name: String,
    /// 金融機関コード: 4 digits.
    pub bank_code: String,
    /// 支店名.
    pub branch_name: String,
    /// 支店コード: 3 digits.
    pub branch_code: String,
    /// 預金種別.
    pub account_type: AccountType,
    /// 口座番号: 7 digits.
    pub account_number: String,
    /// 口座名義 in katakana (カナ).
    pub holder_kana: String,
}

/// The applicant block and payment details of the application, as typed.
///
/// Housing type, fiscal year and fees paid are answers of the scenario, not here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Applicant {
    /// 氏名 (as on the 住民票).
    pub name: String,
    /// フリガナ (katakana reading of the name).
    pub furigana: String,
    /// 生年月日, as typed: ISO, slashes or a 和暦 form (平成2年4月1日, H2.4.1).
    pub birth_date: String,
    /// 住所, expected in いすみ市.
    pub address: String,
    /// 電話番号.
    pub phone: String,
    /// メールアドレス.
    pub email: String,
    /// CrowdWorks user name or ID.
    pub crowdworks_user: String,
    /// hinode special member number (hinode特別会員番号).
    pub hinode_member_no: String,
    /// 転入日 (the date of moving in to いすみ市), as typed.
    pub housing_moved_in: String,
    /// 交付申請額 (the subsidy requested), as typed: parsed by `amount::parse_amount`.
    pub requested_amount: String,
    /// 振込先.
    pub bank: BankAccount,
}
