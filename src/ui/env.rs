//! The shell's two contacts with the device, behind small interfaces so that component tests can
//! run with a memory store and a fixed date: storage and the clock.
//!
//! Every storage call is caught, each on its own: a browser that blocks site data (the
//! `localStorage` getter throws `SecurityError`, or returns null) or whose `getItem`, `setItem` or
//! `removeItem` alone throws still runs the app. What the person hears is decided by the flow
//! core's [`crate::flow::saved::Keeper`] (tested natively with [`MemoryStore`]): that nothing can
//! be kept only when a value really cannot be, and that deleted answers may remain when a
//! removal is refused.

use crate::flow::saved::{Area, Read, Unavailable};
pub use crate::flow::saved::{MemoryStore, Store};
use chrono::NaiveDate;
use std::rc::Rc;

/// The browser's `localStorage` or `sessionStorage`, looked up on every call (the getter itself
/// may throw). Each method's failure is reported alone: a refused `removeItem` is not a refused
/// `setItem`.
pub struct WebStore(pub Area);

impl WebStore {
    fn storage(&self) -> Result<web_sys::Storage, Unavailable> {
        let window = web_sys::window().ok_or(Unavailable)?;
        let storage = match self.0 {
            Area::Local => window.local_storage(),
            Area::Session => window.session_storage(),
        };
        storage.map_err(|_| Unavailable)?.ok_or(Unavailable)
    }
}

impl Store for WebStore {
    fn get(&self, key: &str) -> Read {
        self.storage()?.get_item(key).map_err(|_| Unavailable)
    }

    fn put(&self, key: &str, value: Option<&str>) -> Result<(), Unavailable> {
        let s = self.storage()?;
        match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        }
        .map_err(|_| Unavailable)
    }
}

/// What the shell reads from the device.
#[derive(Clone)]
pub struct Env {
    /// `localStorage`.
    pub local: Rc<dyn Store>,
    /// `sessionStorage`.
    pub session: Rc<dyn Store>,
    /// Today's date.
    pub today: fn() -> NaiveDate,
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.local, &other.local) && Rc::ptr_eq(&self.session, &other.session)
    }
}

impl Env {
    /// The browser's storage and clock.
    pub fn browser() -> Self {
        Env {
            local: Rc::new(WebStore(Area::Local)),
            session: Rc::new(WebStore(Area::Session)),
            today: device_today,
        }
    }

    /// The store for an area.
    pub fn store(&self, area: Area) -> &dyn Store {
        match area {
            Area::Local => &*self.local,
            Area::Session => &*self.session,
        }
    }
}

impl Default for Env {
    fn default() -> Self {
        Env::browser()
    }
}

/// Today's date on this device.
pub fn device_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}
