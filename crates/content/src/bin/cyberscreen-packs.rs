//! Writes the language packs of the content in the current directory's
//! `content/` into the directory given, as `texts-<language>.txt`; the build
//! of `dist/` names them after their hash and lists their integrity.

use std::path::Path;

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: cyberscreen-packs <directory>");
        std::process::exit(2)
    });
    let files = cyberscreen_content::Files::read(Path::new(".")).unwrap_or_else(|e| {
        eprintln!("content/: {e}");
        std::process::exit(1)
    });
    let output = cyberscreen_content::compile(&files).unwrap_or_else(|errors| {
        eprintln!("the content does not compile:\n- {}", errors.join("\n- "));
        std::process::exit(1)
    });
    for (code, pack) in output.packs {
        let path = Path::new(&out).join(format!("texts-{code}.txt"));
        if let Err(e) = std::fs::write(&path, pack) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
