//! Answers kept on this device, only when the user asks. Storage may be
//! missing, blocked or full (private windows, frames without same-origin
//! access, quotas): every call says so instead of throwing.

const KEY: &str = "cyberscreen";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage here, or access to it is blocked.
    Unavailable,
    /// Storage refused to take the value (full, or blocked on write).
    Full,
}

fn local() -> Result<web_sys::Storage, StorageError> {
    // Even reading `localStorage` can throw when it is blocked.
    match gloo::utils::window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

/// What this device holds for the widget, if anything.
pub fn load() -> Result<Option<String>, StorageError> {
    local()?
        .get_item(KEY)
        .map_err(|_| StorageError::Unavailable)
}

pub fn save(value: &str) -> Result<(), StorageError> {
    local()?
        .set_item(KEY, value)
        .map_err(|_| StorageError::Full)
}

pub fn forget() -> Result<(), StorageError> {
    local()?
        .remove_item(KEY)
        .map_err(|_| StorageError::Unavailable)
}
