//! One page per route, each given only the slice of the model it reads and the model's typed
//! event callback.

pub mod apply;
pub mod check;
pub mod compare;
pub mod contracts;
pub mod crowdworks;
pub mod earnings;
pub mod fees;
pub mod fiscal_year;
pub mod hinode;
pub mod housing;
pub mod print;
pub mod quick;
pub mod residence;
pub mod result;
pub mod staff_check;
pub mod start;
pub mod stay_3_years;

use crate::flow::model::FieldProblem;
use crate::flow::Route;
use crate::rules::Lang;

/// What every question page shows around its question: the frame's slice of the model.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    /// Language.
    pub lang: Lang,
    /// Problems after Continue.
    pub problems: Vec<FieldProblem>,
    /// 「質問 n / of」.
    pub progress: Option<(usize, usize)>,
    /// Where the back link leads.
    pub back: Route,
}
