//! Everything that reads outside input: share links and saved answers,
//! record files, and JSON. None may panic, whatever the bytes.
#![no_main]

use cyberscreen_core::rules::record::import;
use cyberscreen_core::rules::saved::Saved;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(saved) = Saved::decode(&text) {
        let restored = saved.restore();
        let _ = cyberscreen_core::rules::explain(&restored.answers);
    }
    if let Ok(imported) = import(&text) {
        let _ = imported.saved.restore();
    }
});
