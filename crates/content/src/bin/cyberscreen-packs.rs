//! Writes the language packs of the content in the current directory's
//! `content/` into the directory given, as `texts-<language>.txt`, and the
//! accessibility statements as `accessibility.json`; the build of `dist/`
//! names the packs after their hash, lists their integrity and puts each
//! statement on a page of its own.

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
    let statements = cyberscreen_content::statement::to_json(&output.statements);
    let files = output
        .packs
        .into_iter()
        .map(|(code, pack)| (format!("texts-{code}.txt"), pack))
        .chain([("accessibility.json".to_owned(), statements)]);
    for (name, body) in files {
        let path = Path::new(&out).join(name);
        if let Err(e) = std::fs::write(&path, body) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
