//! A fast path for reading YAML: a serde `Deserializer` over `saphyr-parser`'s events, for the
//! YAML that specs are written in (one document of mappings, sequences, untagged scalars and
//! aliases).
//!
//! `serde_yaml` (libyaml, translated to Rust) spends about two thirds of a spec's parse
//! building and handing over its events; `saphyr-parser` gives the same events borrowed from
//! the text. The values are built by the same `lenient` reader as on the plain path, and a
//! plain scalar is resolved by `serde_yaml`'s rules, written out here (null, booleans,
//! integers in four bases, floats, else a string), and an alias is replaced by the events of
//! its anchor's node, as `serde_yaml` replays them. Anything outside that subset (a tag, a
//! second document, a collection as a key, nesting deeper than the plain path allows, more
//! replays than it allows) and any error give `None`, and the caller reads the text again
//! with `serde_yaml`: its value, its warnings and its messages are then exactly the plain
//! path's. Equality with the plain path is tested on
//! tricky scalars here and on every spec the project has (`check_fast_yaml`).

use super::lenient::{self, Change};
use super::yaml_scalar::plain_scalar;
use saphyr_parser::{Event, Parser, ScalarStyle, StrInput};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

/// Deeper than this the plain path is left to decide (`serde_yaml` refuses nesting past 128
/// levels with its own message).
const MAX_DEPTH: usize = 100;

/// The document read the plain path's way, or `None` where the plain path must read it.
pub fn read(text: &str) -> Option<(Value, Vec<Change>)> {
    let mut reader = Reader {
        parser: Parser::new_from_str(text),
        peeked: None,
        depth: 0,
        nodes: 0,
        jumps: 0,
        recording: Vec::new(),
        anchored: BTreeMap::new(),
        replay: Vec::new(),
    };
    if !matches!(reader.next()?, Event::StreamStart)
        || !matches!(reader.next()?, Event::DocumentStart(_))
    {
        return None;
    }
    let read = lenient::read(&mut reader).ok()?;
    match (reader.next()?, reader.next()?) {
        (Event::DocumentEnd, Event::StreamEnd) => Some(read),
        _ => None,
    }
}

/// The events of a document, with each alias replaced by the events of the node its anchor
/// names, as `serde_yaml` replays them.
struct Reader<'t> {
    parser: Parser<'t, StrInput<'t>>,
    peeked: Option<Event<'t>>,
    /// How many collections the event being read is in.
    depth: usize,
    /// The node events the parser gave so far (scalars, aliases, starts and ends of
    /// collections): `serde_yaml` refuses a document whose aliases replay more than 100 times
    /// as many events as it has, and that bound is never more than 100 times this.
    nodes: usize,
    /// Aliases replayed so far.
    jumps: usize,
    /// The anchored nodes being read: their anchor, their events so far as the parser gave
    /// them (aliases not replaced) and how many of their collections are open.
    recording: Vec<(usize, Vec<Event<'t>>, usize)>,
    /// The events of each anchored node read whole, by anchor.
    anchored: BTreeMap<usize, Rc<[Event<'t>]>>,
    /// The anchored nodes being replayed, innermost last, with the position in each.
    replay: Vec<(Rc<[Event<'t>]>, usize)>,
}

impl<'t> Reader<'t> {
    /// The next event, aliases replaced; `None` on an error of the text or an alias that the
    /// plain path is left to judge.
    fn next(&mut self) -> Option<Event<'t>> {
        if let Some(event) = self.peeked.take() {
            return Some(event);
        }
        loop {
            let event = self
                .next_replayed()
                .map_or_else(|| self.next_parsed(), Some)?;
            let Event::Alias(anchor) = event else {
                return Some(event);
            };
            self.jumps += 1;
            if self.jumps > self.nodes.saturating_mul(100) {
                return None;
            }
            // An anchor not read whole yet (an alias inside its own node) is left to the
            // plain path.
            let events = Rc::clone(self.anchored.get(&anchor)?);
            self.replay.push((events, 0));
        }
    }

    /// The next event of the innermost node being replayed, where one is.
    fn next_replayed(&mut self) -> Option<Event<'t>> {
        while let Some((events, at)) = self.replay.last_mut() {
            if let Some(event) = events.get(*at) {
                *at += 1;
                return Some(event.clone());
            }
            self.replay.pop();
        }
        None
    }

    /// The parser's next event, recorded for the anchored nodes it is part of.
    fn next_parsed(&mut self) -> Option<Event<'t>> {
        let event = self.parser.next()?.ok()?.0;
        let (anchor, opens, closes) = match &event {
            Event::Scalar(_, _, anchor, _) => (*anchor, false, false),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                (*anchor, true, false)
            }
            Event::SequenceEnd | Event::MappingEnd => (0, false, true),
            Event::Alias(_) => (0, false, false),
            _ => return Some(event),
        };
        self.nodes += 1;
        if anchor != 0 {
            self.recording.push((anchor, Vec::new(), 0));
        }
        for (_, events, open) in &mut self.recording {
            events.push(event.clone());
            *open += usize::from(opens);
            *open -= usize::from(closes);
        }
        // A node is read whole when its last collection closes, or at once for a scalar.
        while let Some((_, _, 0)) = self.recording.last() {
            let (anchor, events, _) = self.recording.pop()?;
            self.anchored.insert(anchor, events.into());
        }
        Some(event)
    }

    fn peek(&mut self) -> Option<&Event<'t>> {
        if self.peeked.is_none() {
            self.peeked = Some(self.next()?);
        }
        self.peeked.as_ref()
    }
}

/// Why the fast path gave up; never shown, since the plain path then reads the text.
#[derive(Debug)]
struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("left to the plain YAML path")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.next().ok_or(GiveUp)? {
            Event::Scalar(text, style, _, None) => match style {
                ScalarStyle::Plain => plain_scalar(&text, visitor),
                _ => visitor.visit_str(&text),
            },
            Event::SequenceStart(_, None) => {
                self.enter()?;
                let value = visitor.visit_seq(&mut *self)?;
                self.leave(End::Sequence)?;
                Ok(value)
            }
            Event::MappingStart(_, None) => {
                self.enter()?;
                let value = visitor.visit_map(&mut *self)?;
                self.leave(End::Mapping)?;
                Ok(value)
            }
            // Tags, aliases, and anything out of place.
            _ => Err(GiveUp),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl Reader<'_> {
    fn enter(&mut self) -> Result<(), GiveUp> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn leave(&mut self, end: End) -> Result<(), GiveUp> {
        self.depth -= 1;
        match self.next() {
            Some(event) if end.is(&event) => Ok(()),
            _ => Err(GiveUp),
        }
    }

    /// Whether the collection being read goes on (its end is left for `leave`).
    fn more(&mut self, end: End) -> Result<bool, GiveUp> {
        Ok(!end.is(self.peek().ok_or(GiveUp)?))
    }
}

/// The end of the collection being read.
#[derive(Clone, Copy)]
enum End {
    Sequence,
    Mapping,
}

impl End {
    fn is(self, event: &Event<'_>) -> bool {
        match self {
            End::Sequence => matches!(event, Event::SequenceEnd),
            End::Mapping => matches!(event, Event::MappingEnd),
        }
    }
}

impl<'de> SeqAccess<'de> for Reader<'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, GiveUp> {
        if !self.more(End::Sequence)? {
            return Ok(None);
        }
        seed.deserialize(&mut *self).map(Some)
    }
}

impl<'de> MapAccess<'de> for Reader<'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, GiveUp> {
        if !self.more(End::Mapping)? {
            return Ok(None);
        }
        // A key that is a collection is left to the plain path.
        if !matches!(self.peek(), Some(Event::Scalar(..))) {
            return Err(GiveUp);
        }
        seed.deserialize(&mut *self).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, GiveUp> {
        seed.deserialize(&mut *self)
    }
}

/// Reads the YAML spec in `bytes` both ways, for the checks of determinism: `Ok(true)` where
/// the fast path read it as the plain path does, `Ok(false)` where it left it to the plain path
/// (or the spec is not YAML text), else where the two readings differ.
pub fn check_fast_yaml(bytes: &[u8], label: &str) -> Result<bool, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(text) = std::str::from_utf8(bytes)
        .ok()
        .filter(|text| !text.trim_start().starts_with('{'))
    else {
        return Ok(false);
    };
    let Some(fast) = read(text) else {
        return Ok(false);
    };
    match lenient::read(serde_yaml::Deserializer::from_str(text)) {
        Ok(plain) if plain == fast => Ok(true),
        Ok(plain) if plain.0 != fast.0 => Err(format!(
            "{label}: the fast YAML reader differs from serde_yaml {}",
            first_difference(&plain.0, &fast.0, String::new())
        )),
        Ok(plain) => Err(format!(
            "{label}: the fast YAML reader's warnings differ from serde_yaml's: {:?} against {:?}",
            fast.1, plain.1
        )),
        Err(e) => Err(format!(
            "{label}: the fast YAML reader read what serde_yaml refuses ({e})"
        )),
    }
}

/// The pointer and the two values where `plain` and `fast` first differ.
fn first_difference(plain: &Value, fast: &Value, at: String) -> String {
    match (plain, fast) {
        (Value::Object(a), Value::Object(b)) if a.keys().eq(b.keys()) => {
            for ((key, x), y) in a.iter().zip(b.values()) {
                if x != y {
                    return first_difference(x, y, format!("{at}/{key}"));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                if x != y {
                    return first_difference(x, y, format!("{at}/{i}"));
                }
            }
        }
        _ => {}
    }
    format!("at #{at}: {plain} on the plain path, {fast} on the fast one")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain path's reading of `text`.
    fn plain(text: &str) -> Result<(Value, Vec<Change>), serde_yaml::Error> {
        lenient::read(serde_yaml::Deserializer::from_str(text))
    }

    #[test]
    fn a_spec_shaped_document_reads_as_on_the_plain_path() {
        let text = "openapi: 3.0.3\ninfo: {title: T, version: '1.0'}\npaths:\n  /a:\n    get:\n      \
                    description: |\n        Two lines,\n        kept.\n      summary: >\n        folded\n        \
                    text\n      responses:\n        200:\n          description: ok\n        '404': {description: \"no\\tpe\"}\n\
                    components:\n  schemas:\n    A:\n      type: object\n      enum: [1, -2, 3.5, ~]\n      \
                    minimum: -9223372036854776000\n      x-empty:\n      x-list:\n        - - nested\n          - \"\"\n";
        let fast = read(text).expect("read on the fast path");
        assert_eq!(fast, plain(text).unwrap());
        // The changes the lenient reader records come through too.
        assert_eq!(fast.1.len(), 1, "{:?}", fast.1);
    }

    /// Texts outside the fast path's subset, or wrong: each is left to the plain path.
    #[test]
    fn what_the_fast_path_does_not_read_is_left_to_the_plain_path() {
        let table = [
            "a: !!str 5\n",
            "a: !custom {b: 1}\n",
            // An alias inside its own anchor's node.
            "a: &x [1, *x]\n",
            "a: *nowhere\n",
            "a: 1\n---\nb: 2\n",
            "a: 1\nb: 2\na: 3\n",
            "? [a, b]\n: c\n",
            "a: [1, 2\n",
            "a:\n  - b\n c: d\n",
            "# nothing but a comment\n",
        ];
        for text in table {
            assert!(read(text).is_none(), "{text:?}");
        }
        let deep = format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert!(read(&deep).is_none());
        let shallow = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(read(&shallow), plain(&shallow).ok());
    }

    /// Documents at the edges of the stream (directives, markers, a root that is no mapping)
    /// read as on the plain path.
    #[test]
    fn documents_at_the_edges_of_the_stream_read_as_on_the_plain_path() {
        let edges = [
            "---\n",
            "--- \n...\n",
            "~\n",
            "[]\n",
            "'a'\n",
            "--- |\n  text\n",
            "%YAML 1.2\n---\na: 1\n",
            "a: 1\n...\n",
            "\u{feff}a: 1\n",
        ];
        for text in edges {
            assert_eq!(read(text), Some(plain(text).unwrap()), "{text:?}");
        }
    }

    /// Aliases read as the plain path replays them, the warnings of a replayed node included.
    #[test]
    fn aliases_read_as_the_plain_path_replays_them() {
        let table = [
            "a: &x {b: 1, c: [2, .nan]}\nd: *x\ne: [*x, *x]\n",
            "a: &k key\n*k : v\n",
            "a: &x 1\nb: &x 2\nc: *x\n",
            "a: &outer {b: &inner [1, 2], c: *inner}\nd: *outer\ne: *inner\n",
            "base: &base {type: object, 200: x}\nmerged: {<<: *base, title: T}\n",
            "a: &a [1, 2]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
        ];
        for text in table {
            let fast = read(text).unwrap_or_else(|| panic!("left to the plain path: {text:?}"));
            assert_eq!(fast, plain(text).unwrap(), "{text:?}");
        }
        // More replays than the plain path allows: left to it, and it refuses them.
        let mut laughs = String::from("a: &a [x, x]\n");
        for (name, previous) in ('b'..='k').zip('a'..) {
            laughs.push_str(&format!(
                "{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}]\n"
            ));
        }
        assert!(read(&laughs).is_none());
        assert!(plain(&laughs).is_err());
    }

    #[test]
    fn the_check_names_the_place_of_a_difference() {
        let plain: Value = serde_json::json!({"a": {"b": [1, 2]}});
        let fast: Value = serde_json::json!({"a": {"b": [1, 3]}});
        assert_eq!(
            first_difference(&plain, &fast, String::new()),
            "at #/a/b/1: 2 on the plain path, 3 on the fast one"
        );
        assert_eq!(check_fast_yaml(b"a: [1, 0x10, '3']\n", "t.yaml"), Ok(true));
        assert_eq!(check_fast_yaml(b"{\"a\": 1}", "t.json"), Ok(false));
        assert_eq!(check_fast_yaml(b"a: *x\n", "t.yaml"), Ok(false));
    }
}
