//! Benchmark: 10,000 payments over many contracts through fees and the per-year subsidy.
//! Run with `cargo bench --bench engine`. Prints one line; the time is not asserted.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::fees::{fees_for, Contract, ContractKind, Payment};
use isumi_check::rules::subsidy::{subsidy_by_year, totals_by_year, Housing};
use std::hint::black_box;
use std::time::{Duration, Instant};

const PAYMENTS: usize = 10_000;
const RUNS: usize = 20;

/// 2,000 contracts of 5 payments each, all kinds, spread over 2018-10 .. 2027-03 (both tax regimes).
fn contracts() -> Vec<Contract> {
    let start = NaiveDate::from_ymd_opt(2018, 10, 1).expect("date");
    let kinds = [
        ContractKind::Fixed,
        ContractKind::Hourly,
        ContractKind::Task,
        ContractKind::Contest,
    ];
    (0..PAYMENTS / 5)
        .map(|i| Contract {
            label: format!("c{i}"),
            kind: kinds[i % kinds.len()],
            payments: (0..5)
                .map(|j| Payment {
                    date: start + chrono::Days::new(((i * 7 + j * 3) % 3000) as u64),
                    amount: 5_000 + ((i * 7919 + j * 104_729) % 150_000) as u64,
                })
                .collect(),
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let r = rules();
    let cs = contracts();
    let n: usize = cs.iter().map(|c| c.payments.len()).sum();
    let mut fees_only = Vec::with_capacity(RUNS);
    let mut totals = Vec::with_capacity(RUNS);
    let mut with_trace = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        black_box(fees_for(r, black_box(&cs)).expect("fees"));
        fees_only.push(t.elapsed());
        let t = Instant::now();
        black_box(totals_by_year(r, black_box(&cs), Housing::Individual).expect("totals"));
        totals.push(t.elapsed());
        let t = Instant::now();
        black_box(subsidy_by_year(r, black_box(&cs), Housing::Individual).expect("subsidy"));
        with_trace.push(t.elapsed());
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "engine: {n} payments in {:.2} ms (median of {RUNS}; fees + subsidy per fiscal year; fees alone {:.2} ms; with the full ja/en trace {:.2} ms)",
        ms(median(totals)),
        ms(median(fees_only)),
        ms(median(with_trace)),
    );
}
