//! A string that a schema's `pattern` accepts, for the regular expressions APIs write: literal
//! text, classes (`[0-9a-f]`, `\d`, `\w`, `.`), groups with alternatives, and counts (`{32}`,
//! `+`, `*`, `?`). Each piece gives its first character the fewest times its count allows,
//! and a group its first alternative. A pattern with look-arounds or back-references gives
//! `None` (the caller keeps its plain sample); the server that checks the request is the judge
//! of the rest.

/// The shortest string built as above, or `None` for what this does not read.
pub fn sample(pattern: &str) -> Option<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut parser = Parser { chars, at: 0 };
    let text = parser.alternatives()?;
    (parser.at == parser.chars.len()).then_some(text)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    /// `a|b|c` up to a `)` or the end: the first alternative's text (the others are read and
    /// dropped).
    fn alternatives(&mut self) -> Option<String> {
        let first = self.sequence()?;
        while self.peek() == Some('|') {
            self.at += 1;
            self.sequence()?;
        }
        Some(first)
    }

    fn sequence(&mut self) -> Option<String> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let piece = self.atom()?;
            let count = self.count()?;
            for _ in 0..count {
                out.push_str(&piece);
            }
        }
        Some(out)
    }

    /// One atom's text (once).
    fn atom(&mut self) -> Option<String> {
        match self.next()? {
            // Anchors match no text.
            '^' | '$' => Some(String::new()),
            '.' => Some("a".to_owned()),
            '[' => self.class().map(String::from),
            '(' => {
                if self.peek() == Some('?') {
                    self.at += 1;
                    // `(?:...)` groups; look-arounds and named groups are not read.
                    if self.next()? != ':' {
                        return None;
                    }
                }
                let text = self.alternatives()?;
                (self.next()? == ')').then_some(text)
            }
            '\\' => escape(self.next()?).map(|c| c.map(String::from).unwrap_or_default()),
            '*' | '+' | '?' | '{' | ')' => None,
            c => Some(c.to_string()),
        }
    }

    /// The fewest times a count allows (`{n}`, `{n,}`, `{n,m}`, `*`, `+`, `?`; none: once).
    fn count(&mut self) -> Option<usize> {
        let count = match self.peek() {
            Some('*') | Some('?') => {
                self.at += 1;
                0
            }
            Some('+') => {
                self.at += 1;
                1
            }
            Some('{') => {
                let close = self.chars[self.at..].iter().position(|&c| c == '}')? + self.at;
                let inside: String = self.chars[self.at + 1..close].iter().collect();
                self.at = close + 1;
                let least = inside.split(',').next()?.trim();
                least.parse().ok()?
            }
            _ => return Some(1),
        };
        // A lazy or possessive mark changes nothing here.
        if matches!(self.peek(), Some('?') | Some('+')) {
            self.at += 1;
        }
        Some(count)
    }

    /// `[...]` after its `[`: a character it accepts.
    fn class(&mut self) -> Option<char> {
        let negated = self.peek() == Some('^');
        if negated {
            self.at += 1;
        }
        let mut members: Vec<(char, char)> = Vec::new();
        let mut first = true;
        loop {
            let c = self.next()?;
            if c == ']' && !first {
                break;
            }
            first = false;
            let low = if c == '\\' {
                match self.next()? {
                    'd' => {
                        members.push(('0', '9'));
                        continue;
                    }
                    'w' => {
                        members.extend([('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')]);
                        continue;
                    }
                    's' => {
                        members.push((' ', ' '));
                        continue;
                    }
                    other => escape(other)??,
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.chars.get(self.at + 1) != Some(&']') {
                self.at += 1;
                let high = match self.next()? {
                    '\\' => escape(self.next()?)??,
                    high => high,
                };
                members.push((low, high));
            } else {
                members.push((low, low));
            }
        }
        if !negated {
            return members.first().map(|(low, _)| *low);
        }
        "aA0_-."
            .chars()
            .find(|c| !members.iter().any(|(low, high)| low <= c && c <= high))
    }
}

/// The character an escape stands for: a class's typical member, a literal, or nothing (a
/// word boundary). `None`: an escape this does not read (a back-reference).
fn escape(c: char) -> Option<Option<char>> {
    match c {
        'd' => Some(Some('0')),
        'w' | 'D' | 'S' => Some(Some('a')),
        's' => Some(Some(' ')),
        'W' => Some(Some('-')),
        'b' | 'B' => Some(None),
        'n' => Some(Some('\n')),
        't' => Some(Some('\t')),
        c if c.is_ascii_digit() || c.is_ascii_alphabetic() => None,
        c => Some(Some(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::sample;

    #[test]
    fn patterns_of_real_apis_give_strings_they_accept() {
        let cases = [
            ("^AC[0-9a-fA-F]{32}$", "AC00000000000000000000000000000000"),
            ("^[A-Z]{2}-\\d{3,}$", "AA-000"),
            ("^(foo|bar)+baz?$", "fooba"),
            ("^(?:v\\d+\\.)?x$", "x"),
            ("[^a-z]", "A"),
            ("^\\w+@\\w+\\.com$", "a@a.com"),
            ("^[-+]?[0-9]*\\.?[0-9]+$", "0"),
        ];
        for (pattern, expected) in cases {
            assert_eq!(sample(pattern).as_deref(), Some(expected), "{pattern}");
        }
    }

    #[test]
    fn look_arounds_and_back_references_are_not_guessed() {
        for pattern in ["^(?=.*\\d).+$", "^(a)\\1$", "a{", "(ab"] {
            assert_eq!(sample(pattern), None, "{pattern}");
        }
    }
}
