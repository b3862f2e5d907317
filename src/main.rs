// Runs when the code is loaded: takes where the language packs are from the
// page. The page's loader (`src/boot/loader.js`) or the custom element's
// module then starts the widget once its language's pack is here:
// `startPage`, `mountElement`.
fn main() {
    cyberscreen::platform::packs::from_page();
}
