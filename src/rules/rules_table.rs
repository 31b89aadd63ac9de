//! GENERATED from `src/rules/rules.json` by the test `compiled_table_is_rules_json`
//! (tests/rules_data.rs). Do not edit: edit rules.json, then regenerate with
//! `UPDATE_RULES_TABLE=1 cargo test --test rules_data`.
//! `cargo test` fails, naming the first differing entry, while this file is not rules.json's.
//! The app builds its rules from this table, so no JSON parser or rules deserializer ships.

use super::*;

/// FNV-1a 64 of the rules.json this table was generated from.
pub(super) const HASH: u64 = 0xc320bf5a51ee1c12;

/// The rules of rules.json, version 2026.11.2.
pub(super) fn table() -> Rules {
    Rules {
        about: t("いすみ市クラウドワークス手数料助成セルフチェックのルールデータです。金額は円、率はベーシスポイント(2000 = 20%)、日付は YYYY-MM-DD。値を変えたら version と checked を更新し、cargo test で検証してください。", "Rules data of the Isumi CrowdWorks fee-subsidy self-check. Money in yen, rates in basis points (2000 = 20%), dates as YYYY-MM-DD. After changing a value, update version and checked, and run cargo test to validate."),
        version: s("2026.11.2"),
        checked: d(2026, 11, 2),
        program: Program {
            name: t("クラウドワークス実証拠点", "the CrowdWorks pilot base"),
            city: t("いすみ市", "Isumi City"),
            start: d(2018, 10, 1),
            reported_months: 24,
            reported_end: d(2020, 9, 30),
            end: None,
            paid_when: t("助成は年度末に支給されます。", "The subsidy is paid at the end of the fiscal year."),
            desk_note: t("最終的な判断は窓口で行われます。", "The final decision is made at the desk."),
            source: Source {
                url: s("https://www.businessinsider.jp/"),
                checked: d(2026, 11, 2),
                note: Some(s("Business Insider Japan and SankeiBiz (2018-10-08) reported the start on 2018-10-01, a period of 24 months and about 30 expected users; the article URLs are not recorded here. No end date or extension was found (see assumption program_continues).")),
            },
        },
        fiscal_year: FiscalYearStart {
            start_month: 4,
            start_day: 1,
            source: Source {
                url: s("https://laws.e-gov.go.jp/law/322AC0000000067"),
                checked: d(2026, 11, 2),
                note: Some(s("地方自治法 第208条: a municipality's fiscal year runs from April 1 to March 31.")),
            },
        },
        caps: vec![
            Cap {
                housing: Housing::Shared,
                yen: 30000,
                label: t("共同物件(シェアハウス)", "shared property (shared house)"),
                source: Source {
                    url: s("https://www.sankeibiz.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("SankeiBiz 2018-10-08: 年間3万円まで (a cap, not a flat payment); article URL not recorded.")),
                },
            },
            Cap {
                housing: Housing::Individual,
                yen: 50000,
                label: t("個人の所有物件(アパートなど)", "individual property (apartment, house)"),
                source: Source {
                    url: s("https://www.sankeibiz.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Press at launch (2018-10): ¥50,000 a year for individual property, rented or owned (賃貸・分譲); article URL not recorded.")),
                },
            },
        ],
        criteria: vec![
            Criterion {
                id: s("registered_address"),
                question: s("residence"),
                wording: t("いすみ市に住所(住民票)があること", "Your registered address (住民票) is in Isumi City"),
                action: t("いすみ市へ転入届を出して住所を移す", "Move your registered address to Isumi City (file a 転入届)"),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Part of criterion 1 (keep one's registered address in Isumi for 3 years or more), press at launch 2018-10.")),
                },
            },
            Criterion {
                id: s("stay_3_years"),
                question: s("stay_3_years"),
                wording: t("3年以上いすみ市に住所を置く意思があること", "You intend to keep your address in Isumi City for 3 years or more"),
                action: t("3年以上いすみ市に住み続けることを検討する", "Consider staying in Isumi City for 3 years or more"),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Criterion 1, press at launch 2018-10.")),
                },
            },
            Criterion {
                id: s("crowdworks_user"),
                question: s("crowdworks_account"),
                wording: t("クラウドワークスのユーザーであること", "You are a CrowdWorks user"),
                action: t("クラウドワークスに登録する(無料)", "Register with CrowdWorks (free)"),
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/new_user"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Criterion 2, press at launch 2018-10; registration is free (CrowdWorks guide).")),
                },
            },
            Criterion {
                id: s("hinode_special_member"),
                question: s("hinode_special_member"),
                wording: t("hinode特別会員であること", "You are a hinode special member"),
                action: t("hinodeの特別会員になる(料金は窓口で確認)", "Join hinode as a special member (ask the desk for the price)"),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Criterion 3, press at launch 2018-10. The membership price is not known (assumption membership_price).")),
                },
            },
        ],
        fee_schedules: vec![
            FeeSchedule {
                id: s("cw-2015-10"),
                from: d(2015, 10, 1),
                to: Some(d(2017, 5, 31)),
                tax: Tax { mode: TaxMode::Included, rate_bp: 800 },
                tiers: vec![
                    Tier { up_to: Some(100000), rate_bp: 2000 },
                    Tier { up_to: Some(200000), rate_bp: 1000 },
                    Tier { up_to: None, rate_bp: 500 },
                ],
                task_rate_bp: 0,
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Task format was free (0%) from 2015-10 to 2017-05-31. The project tiers are assumed unchanged in this period; it lies before the program, so only the task history matters here.")),
                },
            },
            FeeSchedule {
                id: s("cw-2017-06"),
                from: d(2017, 6, 1),
                to: Some(d(2019, 9, 30)),
                tax: Tax { mode: TaxMode::Included, rate_bp: 800 },
                tiers: vec![
                    Tier { up_to: Some(100000), rate_bp: 2000 },
                    Tier { up_to: Some(200000), rate_bp: 1000 },
                    Tier { up_to: None, rate_bp: 500 },
                ],
                task_rate_bp: 2000,
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Tiers on the contract's cumulative tax-included amount (help-center FAQ 10512: milestones 50,000 + 30,000 + 50,000 cost the same as one 130,000 contract). Until 2019-09-30 the fee includes the 8% consumption tax. Task format 20% from 2017-06-01.")),
                },
            },
            FeeSchedule {
                id: s("cw-2019-10"),
                from: d(2019, 10, 1),
                to: None,
                tax: Tax { mode: TaxMode::Added, rate_bp: 1000 },
                tiers: vec![
                    Tier { up_to: Some(100000), rate_bp: 2000 },
                    Tier { up_to: Some(200000), rate_bp: 1000 },
                    Tier { up_to: None, rate_bp: 500 },
                ],
                task_rate_bp: 2000,
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("From 2019-10-01 the tiered rate gives the fee before tax and 10% consumption tax is added (official example: ¥10,000 → fee ¥2,000 + tax ¥200, the worker receives ¥7,800). Fractions of a yen are rounded down (official guide).")),
                },
            },
        ],
        not_covered: vec![
            NotCovered {
                id: s("bank_transfer_fee"),
                wording: t("振込手数料(楽天銀行 100円、その他の銀行 500円)は助成の対象外と想定しています。", "Bank transfer fees (¥100 to Rakuten Bank, ¥500 to other banks) are assumed not to be covered."),
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Amounts from the CrowdWorks fee guide; not being covered is assumption system_fee_only.")),
                },
            },
            NotCovered {
                id: s("quick_withdrawal_fee"),
                wording: t("クイック出金の手数料(3.5%、2020年2月3日から5%)は助成の対象外と想定しています。", "The quick withdrawal fee (3.5%, 5% from 2020-02-03) is assumed not to be covered."),
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Rates from the CrowdWorks guide and announcements; not being covered is assumption system_fee_only.")),
                },
            },
        ],
        assumptions: vec![
            Assumption {
                id: s("fees_by_payment_date"),
                default: s("payment_date"),
                wording: t("手数料は支払日の属する年度に数えると想定しています(契約日ではなく)。", "Fees are assumed to count in the fiscal year of their payment date (not the contract date)."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not published (domain.md §3.3).")),
                },
            },
            Assumption {
                id: s("no_prorating"),
                default: s("no_prorating"),
                wording: t("年度の途中から利用しても上限額は按分しないと想定しています(その年度内の支払いだけを数えます)。", "The cap is assumed not to be pro-rated in a partial year (only payments within the year count)."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not published (domain.md §3.4).")),
                },
            },
            Assumption {
                id: s("system_fee_only"),
                default: s("system_fee_only"),
                wording: t("助成の対象はシステム利用料だけで、振込手数料やクイック出金の手数料は対象外と想定しています。", "Only the system fee is assumed to be covered, not bank transfer fees or the quick withdrawal fee."),
                source: Source {
                    url: s("https://www.sankeibiz.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("The press says システム利用料 (domain.md §2).")),
                },
            },
            Assumption {
                id: s("contest_per_award"),
                default: s("per_award"),
                wording: t("コンペは採用1件ごとに1契約として段階料率を適用すると想定しています。", "Contests are assumed to apply the tiers to each adopted award as one contract."),
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Most likely, but not stated outright (domain.md §2).")),
                },
            },
            Assumption {
                id: s("program_continues"),
                default: s("continues"),
                wording: t("報道された実施期間は2018年10月から24か月(2020年9月まで)です。その後の継続は確認できていませんが、同じ条件で続いていると仮定して計算しています。", "The reported period is 24 months from 2018-10 (to 2020-09). Whether the program continued is not confirmed; the figures assume it continues on the same terms."),
                source: Source {
                    url: s("https://www.businessinsider.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("No end date or extension found (domain.md §3.7).")),
                },
            },
            Assumption {
                id: s("housing_whole_year"),
                default: s("whole_year"),
                wording: t("回答した住まいの種類がその年度全体に当てはまると想定しています(年度途中の住み替えの扱いは不明です)。", "The housing type you give is assumed to apply to the whole fiscal year (how a move mid-year is treated is not known)."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not published (domain.md §3.5).")),
                },
            },
            Assumption {
                id: s("membership_price"),
                default: s("unknown"),
                wording: t("hinode特別会員の料金は確認できていません。窓口で確認してください。", "The price of the hinode special membership is not known. Ask the desk."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not found (domain.md §3.1).")),
                },
            },
            Assumption {
                id: s("application_procedure"),
                default: s("unknown"),
                wording: t("申請の手続き・締め切り・必要書類は確認できていません。印刷する申請書と持ち物リストは目安です。", "The application procedure, deadline and documents are not known. The printed application and the checklist are guidance."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not found (domain.md §3.2).")),
                },
            },
            Assumption {
                id: s("repayment_unknown"),
                default: s("unknown"),
                wording: t("3年以内に転出した場合に助成金の返還が必要かどうかは確認できていません。", "Whether the subsidy must be paid back when leaving within 3 years is not known."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not found (domain.md §3.6).")),
                },
            },
            Assumption {
                id: s("rounding_cumulative"),
                default: s("floor_cumulative"),
                wording: t("円未満の切り捨ては契約ごとの累計手数料に対して行うと想定しています(分割払いでも合計が変わりません)。", "Fractions of a yen are assumed to be rounded down on the contract's cumulative fee (so splitting into milestones does not change the total)."),
                source: Source {
                    url: s("https://crowdworks.jp/pages/guides/employee/fee"),
                    checked: d(2026, 11, 2),
                    note: Some(s("The guide says fractions are rounded down, not at which step.")),
                },
            },
            Assumption {
                id: s("quick_estimate_defaults"),
                default: s("ranges"),
                wording: t("「わからない」と答えた項目は、月の収入 5万〜30万円、1件の契約金額 1万〜20万円の幅で計算しています。実際の値ではなく目安です。", "For answers you did not know, the estimate uses monthly earnings of ¥50,000–¥300,000 and a contract size of ¥10,000–¥200,000. These are placeholders, not facts."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Placeholder ranges chosen for this app, not published figures.")),
                },
            },
            Assumption {
                id: s("fees_while_eligible"),
                default: s("only_while_eligible"),
                wording: t("手数料は、条件をすべて満たした日(実施開始日・転入日・hinode特別会員になった日のうち最も遅い日)以降に支払った分だけを数えると想定しています。同じ年度でもそれより前の支払いは数えません。条件を満たす前に終わった年度は助成の対象になりません。", "Only fees paid from the day every condition holds (the latest of the program start, the day you moved in and the day you joined hinode as a special member) are assumed to count; earlier payments in the same fiscal year do not. A fiscal year that ends before you qualify gets no subsidy."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("Not published (domain.md §3.8). The other value the engine implements is \"whole_year\": every fee of the fiscal year in which you qualify counts (a year that ends before still gets nothing). When changing the default, change the wording with it.")),
                },
            },
            Assumption {
                id: s("dates_not_given"),
                default: s("program_start"),
                wording: t("いすみ市に住んでいる・hinode特別会員であると回答して日付を入力していない場合(または「わからない」と回答した場合)は、実施開始日(2018年10月1日)から条件を満たしているとして計算しています。", "Where you said you live in Isumi or are a hinode special member but gave no date (or answered \"I don't know\"), the figures assume you have met that condition since the program started (2018-10-01)."),
                source: Source {
                    url: s("https://www.city.isumi.lg.jp/"),
                    checked: d(2026, 11, 2),
                    note: Some(s("A default of this app for dates the user did not give, not a program rule.")),
                },
            },
        ],
        quick_estimate: QuickDefaults {
            monthly_earnings: Bounds { low: 50000, high: 300000 },
            contract_size: Bounds { low: 10000, high: 200000 },
            pay_day: 15,
            hourly_pay_days: vec![7, 14, 21, 28],
            max_contracts_per_month: 1000,
            assumption: s("quick_estimate_defaults"),
        },
        stamp: RulesStamp {
            version: s("2026.11.2"),
            checked: d(2026, 11, 2),
            hash: hash_hex(HASH),
        },
    }
}

fn s(v: &str) -> String {
    v.to_owned()
}

fn t(ja: &str, en: &str) -> Text {
    Text::new(ja, en)
}

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    // The generator writes only dates rules.json gave as valid YYYY-MM-DD.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}
