//! The little structure long texts may have: paragraphs separated by a blank
//! line, and lists whose lines start with "- ".

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Paragraph(&'a str),
    List(Vec<&'a str>),
}

pub fn blocks(text: &str) -> Vec<Block<'_>> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<&str> = p.lines().map(str::trim).collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                Block::List(lines.iter().map(|l| l[2..].trim()).collect())
            } else {
                Block::Paragraph(p)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists() {
        let b = blocks("One line\nwraps.\n\n- a\n- b\n\nEnd.");
        assert_eq!(
            b,
            vec![
                Block::Paragraph("One line\nwraps."),
                Block::List(vec!["a", "b"]),
                Block::Paragraph("End."),
            ]
        );
    }
}
