//! The shell's two contacts with the device, behind small interfaces so that component tests can
//! run with a memory store and a fixed date: storage and the clock.
//!
//! Every storage call is caught: a browser that blocks site data (the `localStorage` getter throws
//! `SecurityError`, or returns null, or `getItem` throws) still runs the app; the model only
//! hears "unavailable" and says so once.

use crate::flow::saved::{Area, Read, Unavailable};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A key–value store: `localStorage`, `sessionStorage`, or memory.
pub trait Store {
    /// The value of `key`; `Err(Unavailable)` when the store cannot be used at all.
    fn get(&self, key: &str) -> Read;
    /// Sets `key` (`Some`) or removes it (`None`); `Err(Unavailable)` when refused (quota, blocked).
    fn put(&self, key: &str, value: Option<&str>) -> Result<(), Unavailable>;
}

/// The browser's `localStorage` or `sessionStorage`, looked up on every call (the getter itself
/// may throw).
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

/// A store in memory, for tests (`broken`: every call fails, like blocked site data).
#[derive(Default)]
pub struct MemoryStore {
    /// The values.
    pub values: RefCell<HashMap<String, String>>,
    /// Whether every call fails.
    pub broken: bool,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Read {
        if self.broken {
            return Err(Unavailable);
        }
        Ok(self.values.borrow().get(key).cloned())
    }

    fn put(&self, key: &str, value: Option<&str>) -> Result<(), Unavailable> {
        if self.broken {
            return Err(Unavailable);
        }
        let mut v = self.values.borrow_mut();
        match value {
            Some(x) => v.insert(key.to_string(), x.to_string()),
            None => v.remove(key),
        };
        Ok(())
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
