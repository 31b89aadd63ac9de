//! The two kinds of housing the program knows, which set the cap.

use serde::{Deserialize, Serialize};

/// Where the member lives, which decides the cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Housing {
    /// 共同物件(シェアハウス): ¥30,000 a year.
    Shared,
    /// 個人の所有物件(アパートなど), rented or owned: ¥50,000 a year.
    Individual,
}

impl Housing {
    /// The code used in files ("shared" / "individual").
    pub fn code(self) -> &'static str {
        match self {
            Housing::Shared => "shared",
            Housing::Individual => "individual",
        }
    }

    /// Both housing types, the lower cap first.
    pub const BOTH: [Housing; 2] = [Housing::Shared, Housing::Individual];
}

/// A value for each housing type, used when the housing is not decided yet (a range between caps).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByHousing<T> {
    /// With the shared-property cap.
    pub shared: T,
    /// With the individual-property cap.
    pub individual: T,
}
