//! Answers kept on this device, only when the user asks. Storage may be
//! missing, blocked or full (private windows, frames without same-origin
//! access, quotas): every call says so instead of throwing.

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

/// What this device holds for the widget under `key`, if anything.
pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    local()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
    local()?
        .set_item(key, value)
        .map_err(|_| StorageError::Full)
}

pub fn forget(key: &str) -> Result<(), StorageError> {
    local()?
        .remove_item(key)
        .map_err(|_| StorageError::Unavailable)
}
