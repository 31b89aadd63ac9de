//! The sources disclosure: every value an outcome used, with its public source and check date.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::personas::personas;
use isumi_check::rules::scenario::evaluate;
use isumi_check::rules::sources::sources_used;

#[test]
fn a_writer_in_a_shared_house_sees_the_sources_of_her_figures() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let o = evaluate(rules(), &personas()[0].scenario, today).unwrap();
    let s = sources_used(rules(), &o);
    let whats: Vec<&str> = s.iter().map(|x| x.what.ja.as_str()).collect();
    // Her cap only (housing is known), the four conditions, and the fee schedule of FY2026.
    assert!(
        whats.contains(&"上限 共同物件(シェアハウス): 年間 ¥30,000"),
        "{whats:?}"
    );
    assert!(!whats.iter().any(|w| w.contains("個人の物件")), "{whats:?}");
    assert_eq!(whats.iter().filter(|w| w.starts_with("条件: ")).count(), 4);
    let fees: Vec<&&str> = whats.iter().filter(|w| w.contains("手数料率")).collect();
    assert_eq!(
        fees.len(),
        1,
        "only the schedule in force in FY2026: {fees:?}"
    );
    assert!(fees[0].contains("2019-10-01"));
    // Every assumption shown has its source too.
    for a in &o.assumptions {
        assert!(
            s.iter().any(|x| x.what.en.contains(&a.wording.en)),
            "{}",
            a.id
        );
    }
    for x in &s {
        assert!(x.source.url.starts_with("https://"), "{}", x.source.url);
    }
}
