//! The bundled rules file validates, and broken copies fail with an error naming the bad entry.

use isumi_check::rules::data::{rules, Rules, RulesError, RULES_JSON};
use serde_json::{json, Value};

fn bundled() -> Value {
    serde_json::from_str(RULES_JSON).expect("bundled rules are JSON")
}

fn error_of(v: &Value) -> String {
    match Rules::from_json(&v.to_string()) {
        Ok(_) => panic!("broken copy was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bundled_file_validates_and_is_stamped() {
    let r = Rules::from_json(RULES_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.stamp(), rules().stamp());
    assert_eq!(r.stamp().version, r.version);
    assert!(r.stamp().hash.chars().all(|c| c.is_ascii_hexdigit()));
    // Any edit changes the hash.
    let version = format!("\"version\": \"{}\"", r.version);
    assert!(RULES_JSON.contains(&version));
    let edited = RULES_JSON.replacen(&version, "\"version\": \"9999.1.1\"", 1);
    let r2 = Rules::from_json(&edited).expect("still valid");
    assert_ne!(r2.stamp().hash, r.stamp().hash);
}

#[test]
fn broken_copies_name_the_entry() {
    let mut v = bundled();
    v["fee_schedules"][1]["tiers"][1]["up_to"] = json!(50000);
    assert_eq!(
        error_of(&v),
        "fee_schedules[1].tiers[1]: bounds not ascending"
    );

    let mut v = bundled();
    v["fee_schedules"][2]["from"] = json!("2019-09-01");
    assert!(
        error_of(&v).starts_with("fee_schedules[2].from: date ranges overlap"),
        "{}",
        error_of(&v)
    );

    let mut v = bundled();
    v["caps"][0]["yen"] = json!(0);
    assert_eq!(error_of(&v), "caps[0]: cap must be > 0");

    let mut v = bundled();
    v["criteria"][2]["wording"]["en"] = json!("");
    assert_eq!(
        error_of(&v),
        "criteria[2].wording.en: missing English wording"
    );

    let mut v = bundled();
    v["assumptions"][3]["id"] = json!(" ");
    assert_eq!(error_of(&v), "assumptions[3]: missing id");

    let mut v = bundled();
    v["assumptions"][0]["default"] = json!("contract_date");
    assert!(error_of(&v).starts_with("assumptions[0].default:"));

    // An open point with two implemented settings accepts either, and nothing else.
    let at = |v: &Value, id: &str| {
        v["assumptions"]
            .as_array()
            .expect("assumptions")
            .iter()
            .position(|a| a["id"] == id)
            .expect("assumption present")
    };
    let mut v = bundled();
    let i = at(&v, "fees_while_eligible");
    assert_eq!(v["assumptions"][i]["default"], "only_while_eligible");
    v["assumptions"][i]["default"] = json!("whole_year");
    let r = Rules::from_json(&v.to_string()).expect("whole_year is implemented");
    assert!(r.counts_whole_first_year());
    v["assumptions"][i]["default"] = json!("sometimes");
    let e = error_of(&v);
    assert!(
        e.starts_with(&format!("assumptions[{i}].default:"))
            && e.contains("\"only_while_eligible\", \"whole_year\""),
        "{e}"
    );
    let mut v = bundled();
    let i = at(&v, "fees_while_eligible");
    v["assumptions"].as_array_mut().expect("list").remove(i);
    assert_eq!(
        error_of(&v),
        "assumptions: missing assumption \"fees_while_eligible\""
    );

    let mut v = bundled();
    v["fee_schedules"][0]["tiers"][0]["rate_bp"] = json!(20000);
    assert!(error_of(&v).starts_with("fee_schedules[0].tiers[0].rate_bp:"));

    let mut v = bundled();
    v["fee_schedules"][2]["source"]["url"] = json!("crowdworks.jp");
    assert!(error_of(&v).starts_with("fee_schedules[2].source.url:"));
}

#[test]
fn type_errors_and_unknown_fields_are_json_errors() {
    let mut v = bundled();
    v["caps"][0]["yen"] = json!("30000");
    assert!(matches!(
        Rules::from_json(&v.to_string()),
        Err(RulesError::Json(_))
    ));
    let mut v = bundled();
    v["caps"][0]["yenn"] = json!(1);
    let e = Rules::from_json(&v.to_string()).expect_err("unknown field");
    assert!(e.to_string().contains("yenn"), "{e}");
}
