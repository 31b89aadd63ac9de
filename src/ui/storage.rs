//! Saving the answers on this device (localStorage), under a versioned key. Nothing is sent
//! anywhere. Corrupt or unavailable storage means a fresh start with a notice, never a crash.

use super::state::State;
use crate::rules::Text;
use gloo::storage::{errors::StorageError, LocalStorage, Storage};

/// The key. Bump the version when [`State`]'s saved shape changes incompatibly.
pub const KEY: &str = "isumi-check/answers/v1";

/// What loading found.
pub enum Loaded {
    /// Nothing saved.
    Nothing,
    /// A saved state.
    Saved(Box<State>),
    /// Something was there but could not be used; the notice says so.
    Trouble(Text),
}

/// Loads the saved state.
pub fn load() -> Loaded {
    match LocalStorage::get::<State>(KEY) {
        Ok(state) => Loaded::Saved(Box::new(state)),
        Err(StorageError::KeyNotFound(_)) => Loaded::Nothing,
        Err(StorageError::SerdeError(_)) => {
            // Unreadable (an older format, or damaged): drop it so the next start is clean.
            LocalStorage::delete(KEY);
            Loaded::Trouble(Text::new(
                "保存されていた回答を読み込めなかったため、最初から始めます。",
                "Your saved answers could not be read, so you are starting afresh.",
            ))
        }
        Err(_) => Loaded::Trouble(unavailable()),
    }
}

/// Saves the state. The applicant's personal details are left out unless the person ticked
/// 「この端末に保存する」. Returns a notice when the device refuses.
pub fn save(state: &State) -> Result<(), Text> {
    if state.save_personal {
        LocalStorage::set(KEY, state)
    } else {
        let mut without = state.clone();
        without.applicant = Default::default();
        LocalStorage::set(KEY, &without)
    }
    .map_err(|_| unavailable())
}

/// Deletes the saved answers.
pub fn clear() {
    LocalStorage::delete(KEY);
}

fn unavailable() -> Text {
    Text::new(
        "この端末には回答を保存できません(ブラウザの設定やプライベートモードのため)。このまま使えますが、ページを閉じると回答は消えます。",
        "Your answers cannot be saved on this device (browser settings or private mode). You can go on, but closing the page will lose them.",
    )
}
